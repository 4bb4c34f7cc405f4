package org.tsperf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tsperf.api.gpu.ProcessorStatus;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportService;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf bench render}: exports a generated project of two 4K clips (colour adjust on the first, a blur on the
 * second, a cross-fade between them) with the export service, and the ffmpeg command line making the same pictures
 * with a filter graph ({@code eq}, {@code gblur}, {@code xfade}) and the same encoder settings, in the same run; then
 * the SSIM of the two files, and the renderer alone (no encoding) to show where the time goes.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Time an H.264 export of a generated 4K project (two clips, colour adjust, blur, cross-fade)"
                + " against the ffmpeg command line making the same pictures with eq, gblur and xfade and the same"
                + " encoder settings, in the same run, and report the SSIM of the two files.",
            "Progress goes to stderr."})
final class RenderBenchCommand implements Callable<Integer> {

    /**
     * The export's H.264 settings (ExportCommands.videoCodec in the render module): the reference must encode the
     * same way.
     */
    static final List<String> H264 = List.of("-c:v", "libx264", "-preset", "medium", "-crf", "18", "-profile:v",
            "high", "-pix_fmt", "yuv420p");
    static final double BRIGHTNESS = 0.05;
    static final double CONTRAST = 1.1;
    static final double SATURATION = 1.2;
    static final double SIGMA = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--first", paramLabel = "FILE", description = "First clip (default: the bench corpus's"
            + " uhd-h264-30p-20s.mp4 in ~/.cache/tsperf-bench-media).")
    Path first;

    @Option(names = "--second", paramLabel = "FILE", description = "Second clip (default: uhd-hevc10-30p-10s.mp4 of"
            + " the same corpus).")
    Path second;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "Length of each clip on the timeline (default: ${DEFAULT-VALUE}); they overlap by 1 s.")
    double seconds;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the two outputs go (default: the system's"
            + " temporary folder); removed afterwards.")
    Path work;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--preview", description = "Time the preview render at half size instead (into an empty cache"
            + " under the work folder), a second run, and the renderer alone at that size.")
    boolean preview;

    @Override
    public Integer call() throws Exception {
        Path corpus = Path.of(System.getProperty("user.home"), ".cache", "tsperf-bench-media");
        Path a = first != null ? first : corpus.resolve("uhd-h264-30p-20s.mp4");
        Path b = second != null ? second : corpus.resolve("uhd-hevc10-30p-10s.mp4");
        for (Path p : List.of(a, b)) {
            if (!Files.isRegularFile(p)) {
                throw new ParameterException(spec.commandLine(), p + ": no such file (make the bench corpus with"
                        + " ../shared/media/make-bench-media.sh (beside the checkout), or name clips with --first and --second)");
            }
        }
        if (!(seconds >= 1.5 && seconds <= 60)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be 1.5 to 60, not " + seconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MediaProbe probe = Services.require(MediaProbe.class, "Media Core");
        ExportService exports = Services.require(ExportService.class, "Timeline Rendering");
        TimelineRenderer renderer = Services.require(TimelineRenderer.class, "Timeline Rendering");
        String ffmpeg = Services.require(MediaTools.class, "Media Core").ffmpeg().toString();
        VideoStreamInfo va = video(probe, a);
        VideoStreamInfo vb = video(probe, b);
        FrameRate rate = new FrameRate((int) Math.round(va.frameRate()), 1);
        long length = Math.round(seconds * rate.fps());
        long overlap = Math.round(rate.fps());
        for (VideoStreamInfo v : List.of(va, vb)) {
            if (v.frameCount() > 0 && v.frameCount() < length) {
                throw new ParameterException(spec.commandLine(), "a clip has " + v.frameCount() + " frames, fewer"
                        + " than the " + length + " of --seconds " + seconds);
            }
        }
        Project project = project(a, b, va, rate, length, overlap);
        Path dir = Files.createTempDirectory(work != null ? Files.createDirectories(work)
                : Path.of(System.getProperty("java.io.tmpdir")), "tsperf-bench-render-");
        if (preview) {
            PreviewBench.useCache(dir.resolve("cache"));
        }
        try {
            if (preview) {
                return PreviewBench.run(project, json, out, err);
            }
            err.println("tsperf bench render: " + project.length() + " frames of " + va.width() + "x" + va.height()
                    + " at " + rate + " fps; ffmpeg " + ffmpeg);
            Path ref = dir.resolve("ffmpeg.mp4");
            double loadBefore = ProxyBenchmark.load();
            long c0 = ProxyBenchmark.cpuTicks();
            long t0 = System.nanoTime();
            run(ffmpeg, reference(a, b, va, vb, rate, length, overlap, ref));
            double ffmpegSeconds = (System.nanoTime() - t0) / 1e9;
            long c1 = ProxyBenchmark.cpuTicks();
            err.println(String.format(Locale.ROOT, "tsperf bench render: ffmpeg filter graph %.1f s", ffmpegSeconds));
            Path ours = dir.resolve("tsperf.mp4");
            ExportResult r = exports.export(ExportRequest.whole(project, ours, ExportFormat.H264), p -> { })
                    .result().get();
            long c2 = ProxyBenchmark.cpuTicks();
            double loadAfter = ProxyBenchmark.load();
            // CPU time of the JVM and the children it waited for: the work done, which other load does not change
            double ffmpegCpu = c0 < 0 ? Double.NaN : (c1 - c0) / 100.0;
            double tsperfCpu = c0 < 0 ? Double.NaN : (c2 - c1) / 100.0;
            err.println(String.format(Locale.ROOT, "tsperf bench render: tsperf export %.1f s", r.seconds()));
            long t1 = System.nanoTime();
            try (TimelinePictures pictures = renderer.open(project, project.width(), project.height(), false)) {
                for (long f = 0; f < project.length(); f++) {
                    pictures.render(f);
                }
            }
            double renderOnly = (System.nanoTime() - t1) / 1e9;
            double ssim = ssim(ffmpeg, ours, matrix(video(probe, ours)), ref, matrix(va));
            ProcessorStatus path = Services.require(VideoProcessor.class, "GPU Acceleration").status();
            double ratio = r.seconds() / ffmpegSeconds;
            double media = project.length() / rate.fps();
            if (json) {
                out.println(Json.line(Json.object("frames", project.length(), "width", project.width(),
                        "height", project.height(), "frameRate", rate.toString(),
                        "tsperfSeconds", round(r.seconds()), "ffmpegSeconds", round(ffmpegSeconds),
                        "ratio", round(ratio), "renderOnlySeconds", round(renderOnly),
                        "tsperfRealTime", round(media / r.seconds()), "ffmpegRealTime", round(media / ffmpegSeconds),
                        "tsperfCpuSeconds", round(tsperfCpu), "ffmpegCpuSeconds", round(ffmpegCpu),
                        "cpuRatio", round(tsperfCpu / ffmpegCpu), "loadBefore", round(loadBefore),
                        "loadAfter", round(loadAfter), "ssim", Math.round(ssim * 1e5) / 1e5, "processingPath", path.path().name(), "cores", Runtime.getRuntime().availableProcessors(),
                        "ffmpeg", ffmpeg)));
            } else {
                out.println(String.format(Locale.ROOT, "project: %d frames %dx%d at %s fps (%s, %s)",
                        project.length(), project.width(), project.height(), rate, a.getFileName(), b.getFileName()));
                out.println(String.format(Locale.ROOT, "ffmpeg filter graph (eq, gblur, xfade): %8.1f s  %.2fx real"
                        + " time", ffmpegSeconds, media / ffmpegSeconds));
                out.println(String.format(Locale.ROOT, "tsperf export:                         %8.1f s  %.2fx real"
                        + " time", r.seconds(), media / r.seconds()));
                out.println(String.format(Locale.ROOT, "  of which the renderer alone (decode, effects, no encode):"
                        + " %.1f s", renderOnly));
                out.println(String.format(Locale.ROOT, "ratio tsperf / ffmpeg: %.2fx (goal: at most 1.0x)", ratio));
                out.println(String.format(Locale.ROOT, "CPU seconds (this JVM and its ffmpeg children): tsperf %.1f,"
                        + " ffmpeg %.1f, ratio %.2fx; load average %.1f before, %.1f after", tsperfCpu, ffmpegCpu,
                        tsperfCpu / ffmpegCpu, loadBefore, loadAfter));
                out.println(String.format(Locale.ROOT, "SSIM of the two outputs: %.5f", ssim));
                out.println("frame operations on the " + path.path() + " path (" + path.reason() + "); "
                        + Runtime.getRuntime().availableProcessors() + " cores");
            }
            return 0;
        } finally {
            if (!preview) { // the preview's cache stays open in this JVM until it exits
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static VideoStreamInfo video(MediaProbe probe, Path p) throws IOException {
        MediaInfo info = probe.probe(p);
        return info.mainVideo().orElseThrow(() -> new IOException(p + ": has no video stream"));
    }

    static Project project(Path a, Path b, VideoStreamInfo va, FrameRate rate, long length, long overlap) {
        Clip ca = new Clip("a", a.toAbsolutePath(), 0, length, 0,
                List.of(new Effect.ColourAdjust(BRIGHTNESS, CONTRAST, SATURATION, 1)));
        Clip cb = new Clip("b", b.toAbsolutePath(), 0, length, length - overlap, List.of(new Effect.Blur(SIGMA)));
        return new Project("bench", va.width(), va.height(), rate, 48000, List.of(new Track("V1", TrackKind.VIDEO,
                List.of(ca, cb), List.of(new Transition("a", "b", overlap)))));
    }

    /** The ffmpeg command line making the same pictures: both clips in 8-bit 4:2:0, eq, gblur, xfade. */
    static List<String> reference(Path a, Path b, VideoStreamInfo va, VideoStreamInfo vb, FrameRate rate, long length,
            long overlap, Path out) {
        String scaleB = vb.width() == va.width() && vb.height() == va.height() ? ""
                : ",scale=" + va.width() + ":" + va.height();
        String graph = String.format(Locale.ROOT, "[0:v]trim=end_frame=%d,setpts=PTS-STARTPTS,format=yuv420p,"
                + "eq=brightness=%s:contrast=%s:saturation=%s[x];[1:v]trim=end_frame=%d,setpts=PTS-STARTPTS%s,"
                + "format=yuv420p,gblur=sigma=%s:steps=6[y];[x][y]xfade=transition=fade:duration=%s:offset=%s[v]",
                length, BRIGHTNESS, CONTRAST, SATURATION, length, scaleB, SIGMA, overlap / rate.fps(),
                (length - overlap) / rate.fps());
        List<String> c = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-v", "error", "-y", "-i", a.toString(),
                "-i", b.toString(), "-filter_complex", graph, "-map", "[v]", "-an"));
        c.addAll(H264);
        c.addAll(List.of("-movflags", "+faststart", out.toString()));
        return c;
    }

    /** The matrix a file is tagged with (BT.709 when it is not tagged BT.601): the reference keeps its first source's. */
    static String matrix(VideoStreamInfo v) {
        return switch (v.colorSpace()) {
            case "smpte170m", "bt470bg" -> "bt601";
            default -> "bt709";
        };
    }

    private static void run(String ffmpeg, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ffmpeg);
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("the ffmpeg reference failed: " + String.join(" ", cmd) + "\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    /**
     * SSIM on RGB planes, each file converted with the matrix it is tagged with (an export composited in RGBA is
     * BT.709, one composited on the YUV planes keeps its sources' matrix, as the reference does).
     */
    private static double ssim(String ffmpeg, Path ours, String ourMatrix, Path ref, String refMatrix)
            throws IOException, InterruptedException {
        List<String> cmd = List.of(ffmpeg, "-hide_banner", "-nostdin", "-i", ours.toString(), "-i", ref.toString(),
                "-lavfi", "[0:v]scale=in_color_matrix=" + ourMatrix + ":in_range=tv,format=gbrp[x];"
                        + "[1:v]scale=in_color_matrix="
                        + refMatrix + ":in_range=tv,format=gbrp[y];[x][y]ssim", "-f", "null", "-");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("ffmpeg's SSIM failed: " + output);
        }
        Matcher m = Pattern.compile("SSIM .*All:([0-9.]+)").matcher(output);
        if (!m.find()) {
            throw new IOException("no SSIM in ffmpeg's output: " + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
