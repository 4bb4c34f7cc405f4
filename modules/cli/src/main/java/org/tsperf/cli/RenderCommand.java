package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openide.util.Lookup;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportService;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.ProjectFileException;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.TimelineService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf render PROJECT --out FILE}: exports a project file at full size through the export service and the
 * task system, as the workbench does. Progress on stderr; Ctrl-C cancels and leaves nothing behind.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Export a project at full size to H.264 (MP4) or ProRes 422 HQ/Proxy (MOV), with its audio"
                + " tracks mixed. Progress goes to stderr; the speed as a multiple of real time is printed at the end.",
            "The file appears only once complete and checked; Ctrl-C cancels and leaves no file behind.",
            "With --preview: fills the preview cache instead (no file is written)."})
final class RenderCommand implements Callable<Integer> {

    /** How often progress is printed, nanoseconds. */
    private static final long PRINT_NS = 1_000_000_000L;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "The project file (JSON, see the README).")
    Path project;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "h264",
            description = "h264 (MP4, AAC), prores_hq or prores_proxy (MOV, PCM); default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--range", paramLabel = "IN-OUT", description = "Timeline frames IN (first) to OUT (after the"
            + " last), e.g. 0-250; default: the whole project.")
    String range;

    @Option(names = "--preview", description = "Render the preview chunks that need it (effects, transitions) at"
            + " preview size into the frame cache, as the workbench does in the background; a second run renders"
            + " nothing.")
    boolean preview;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Render on the render cluster NAME: the export"
            + " is split into segments at keyframes, rendered by the workers ('./tsperf worker') and joined here"
            + " without re-encoding; the output's folder must be on the workers' shared storage (under their media"
            + " roots). With --preview: the preview chunks this machine's cache lacks are rendered by the workers,"
            + " one chunk each, in a job folder beside the project's first clip, and stored in the cache here."
            + " Needs --member and --secret-file.")
    String cluster;

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Option(names = "--segment-frames", paramLabel = "N", defaultValue = "120",
            description = "With --cluster: about N frames per segment; default: ${DEFAULT-VALUE}.")
    int segmentFrames;

    @Option(names = "--segment-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --cluster: a segment not done in this time is run on another worker; default:"
                    + " ${DEFAULT-VALUE}.")
    int segmentTimeout;

    @Option(names = "--worker-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --cluster: how long to wait for a first worker holding the secret; default:"
                    + " ${DEFAULT-VALUE}.")
    int workerWait;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output == null && !preview) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--out=FILE' (or --preview)");
        }
        if (preview && (output != null || range != null)) {
            throw new ParameterException(spec.commandLine(), "--preview fills the preview cache: it takes no --out"
                    + " or --range");
        }
        if (cluster == null && (clusterOptions.secretFile != null || !clusterOptions.members.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "--member and --secret-file go with --cluster NAME");
        }
        if (cluster != null && clusterOptions.secretFile == null) {
            throw new ParameterException(spec.commandLine(),
                    "--cluster needs --secret-file FILE (the secret the workers share)");
        }
        ExportFormat fmt;
        try {
            fmt = ExportFormat.fromCliName(format);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        TimelineService timelines = Lookup.getDefault().lookup(TimelineService.class);
        if (timelines == null) {
            err.println("tsperf render: the timeline module is not installed, so project files cannot be read."
                    + " Rebuild with the timeline module (or run './tsperf services' to see what is installed).");
            return Main.FAILURE;
        }
        Project p;
        try {
            p = timelines.read(project.toAbsolutePath());
        } catch (ProjectFileException ex) {
            err.println("tsperf render: " + ex.getMessage());
            return Main.FAILURE;
        }
        if (preview && cluster != null) {
            return ClusterPreviews.run(this, p, project.toAbsolutePath(), out, err);
        }
        if (preview) {
            return PreviewRender.run(p, project.toAbsolutePath(), json, out, err);
        }
        ExportRequest request = request(p, output.toAbsolutePath().normalize(), fmt);
        if (cluster != null) {
            return ClusterRender.run(this, request, out, err);
        }
        ExportService exports = Services.require(ExportService.class, "Timeline Rendering");
        TaskService tasks = Services.require(TaskService.class, "Background Tasks");
        long[] lastPrint = {0};
        ExportService.Export export = exports.export(request, rp -> {
            long now = System.nanoTime();
            if (now - lastPrint[0] >= PRINT_NS || rp.framesDone() == rp.framesTotal()) {
                lastPrint[0] = now;
                err.println("tsperf render: " + progressLine(rp));
                err.flush();
            }
        });
        // Ctrl-C: cancel through the task system, which kills ffmpeg and removes the partial files; wait for it
        Thread stopper = new Thread(() -> {
            if (!export.result().isDone()) {
                tasks.cancel(export.task(), "the tsperf render command was stopped");
                try {
                    export.result().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException | CancellationException ex) {
                    // cancelled (or stuck): the JVM ends now; setpriv ties ffmpeg to it
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "tsperf-render-cancel");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            ExportResult r = export.result().get();
            if (json) {
                out.println(Json.line(json(r, request)));
            } else {
                out.println(String.format(Locale.ROOT, "Wrote %s: %d frames, %.3f s of %s, in %.1f s: %.2fx real"
                        + " time", r.file(), r.frames(), r.durationMicros() / 1e6, fmt.cliName(), r.seconds(),
                        r.realTimeSpeed()));
            }
            return 0;
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            err.println("tsperf render: " + (cause instanceof CancellationException ? "cancelled; nothing was written"
                    : cause.getMessage()));
            return Main.FAILURE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException ex) {
                // the JVM is already shutting down: the hook runs
            }
        }
    }

    private ExportRequest request(Project p, Path file, ExportFormat fmt) {
        if (p.length() == 0) {
            throw new ParameterException(spec.commandLine(), project + ": the project has no clips: nothing to render");
        }
        if (range == null) {
            return ExportRequest.whole(p, file, fmt);
        }
        String[] parts = range.split("-", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new ExportRequest(p, file, fmt, Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
        } catch (NumberFormatException ex) {
            throw new ParameterException(spec.commandLine(), "--range must be IN-OUT in timeline frames (e.g. 0-250),"
                    + " not " + range);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
    }

    static String progressLine(RenderProgress p) {
        String s = String.format(Locale.ROOT, "%d/%d frames (%.0f %%), %.2fx real time", p.framesDone(),
                p.framesTotal(), 100.0 * p.framesDone() / Math.max(1, p.framesTotal()), p.realTimeSpeed());
        return p.etaSeconds() < 0 ? s : s + String.format(Locale.ROOT, ", ETA %.0f s", p.etaSeconds());
    }

    static Map<String, Object> json(ExportResult r, ExportRequest q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file().toString());
        m.put("format", q.format().cliName());
        m.put("width", q.project().width());
        m.put("height", q.project().height());
        m.put("frameRate", q.project().rate().toString());
        m.put("in", q.in());
        m.put("out", q.out());
        m.put("frames", r.frames());
        m.put("durationSeconds", Math.round(r.durationMicros() / 1000.0) / 1000.0);
        m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        m.put("realTimeSpeed", Math.round(r.realTimeSpeed() * 1000) / 1000.0);
        return m;
    }
}
