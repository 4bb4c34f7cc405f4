package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;

/**
 * The cluster figures of docs/benchmarks.md; skipped unless {@code -Dtsperf.benchmark=true}. One machine: the
 * single-machine export, then the same export on 1, 2 and 3 local workers, and on one worker with segments of
 * several lengths (the per-segment cost of split, hand-out and join). Writes {@code target/benchmarks/cluster.md}.
 * Options: {@code -Dtsperf.bench.size=WxH} (640x360), {@code -Dtsperf.bench.frames=N} (250).
 */
@EnabledIfSystemProperty(named = "tsperf.benchmark", matches = "true")
class ClusterBenchmarkTest {

    @TempDir
    Path dir;

    private final ClusterWorkers workers = new ClusterWorkers();

    @AfterEach
    void stop() throws InterruptedException {
        workers.close();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static JsonObject render(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return JsonParser.parseString(out.toString().trim()).getAsJsonObject();
    }

    @Test
    void speedUpAndPerSegmentCost() throws Exception {
        String[] size = System.getProperty("tsperf.bench.size", "640x360").split("x");
        int w = Integer.parseInt(size[0]);
        int h = Integer.parseInt(size[1]);
        int frames = Integer.getInteger("tsperf.bench.frames", 250);
        Path media = Files.createDirectories(dir.resolve("media"));
        Path clip = media.resolve("clip.mp4");
        ClusterWorkers.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=" + w + "x" + h + ":rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", Double.toString(frames / 25.0 + 0.2), "-c:v",
                "libx264", "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                clip.toString());
        Project p = new Project("bench", w, h, new FrameRate(25, 1), 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(new Clip("a", clip, 0, frames, 0,
                        List.of(new Effect.ColourAdjust(0.05, 1.1, 1.2, 1), new Effect.Blur(2)))), List.of()),
                new Track("A1", TrackKind.AUDIO, List.of(new Clip("s", clip, 0, frames, 0, List.of())), List.of())));
        Path project = media.resolve("bench.tsproj");
        Lookup.getDefault().lookup(TimelineService.class).write(p, project);
        Path secret = Files.writeString(dir.resolve("secret"), "a secret of more than sixteen bytes\n");
        String cluster = "bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        int base = ClusterWorkers.freePorts(4);
        String members = "127.0.0.1:" + (base + 1) + ",127.0.0.1:" + (base + 2) + ",127.0.0.1:" + (base + 3);
        List<String> rows = new ArrayList<>();
        render("render", project.toString(), "--out", media.resolve("warm-up.mp4").toString(), "--json");
        double l0 = load();
        JsonObject single = render("render", project.toString(), "--out", media.resolve("single.mp4").toString(),
                "--json");
        double t1 = single.get("seconds").getAsDouble();
        rows.add(String.format(Locale.ROOT, "| one machine (`render`) | - | - | %.1f s | - | 1.00x | %.1f |", t1, l0));
        int run = 0;
        for (int k = 1; k <= 3; k++) {
            workers.start(cluster, members, base + k, media, secret);
            clusterRender(project, media.resolve("warm" + k + ".mp4"), cluster, members, base, secret, 50);
            double l = load();
            JsonObject r = clusterRender(project, media.resolve("k" + k + "-" + run++ + ".mp4"), cluster, members,
                    base, secret, 50);
            double t = r.get("seconds").getAsDouble();
            rows.add(String.format(Locale.ROOT, "| %d worker%s | 50 | %d | %.1f s | %.1f s | %.2fx | %.1f |", k,
                    k == 1 ? "" : "s", segments(r), t, workerSeconds(r), t1 / t, l));
        }
        List<String> seg = new ArrayList<>();
        workers.close();
        workers.start(cluster, members, base + 1, media, secret);
        clusterRender(project, media.resolve("warm.mp4"), cluster, members, base, secret, 50);
        double first = -1;
        for (int len : new int[] {frames, 125, 50, 25, 10}) {
            double l = load();
            JsonObject r = clusterRender(project, media.resolve("s" + len + ".mp4"), cluster, members, base, secret,
                    len);
            int n = segments(r);
            double t = r.get("seconds").getAsDouble();
            double work = workerSeconds(r);
            if (first < 0) {
                first = t;
            }
            seg.add(String.format(Locale.ROOT, "| %d | %d | %.1f s | %.1f s | %.2f s | %s | %.1f |", len, n, t, work,
                    (t - work) / n, n == 1 ? "-" : String.format(Locale.ROOT, "%.2f s", (t - first) / (n - 1)), l));
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%dx%d, %d frames at 25 fps, colour adjust and blur, H.264; %d cores%n%n",
                w, h, frames, Runtime.getRuntime().availableProcessors()));
        md.append("| run | frames/segment | segments | wall | workers' render time | speed-up | load before |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\n| frames/segment (1 worker) | segments | wall | worker's render time | (wall - render) /"
                + " segment | more wall per extra segment | load before |\n| ---: | ---: | ---: | ---: | ---: | ---: |"
                + " ---: |\n");
        seg.forEach(r -> md.append(r).append('\n'));
        Path outDir = Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(outDir.resolve("cluster.md"), md.toString());
        System.err.println(md);
    }

    private static int segments(JsonObject r) {
        return r.getAsJsonObject("cluster").getAsJsonArray("segments").size();
    }

    /** The workers' render time of all segments together. */
    private static double workerSeconds(JsonObject r) {
        double sum = 0;
        for (var s : r.getAsJsonObject("cluster").getAsJsonArray("segments")) {
            sum += s.getAsJsonObject().get("seconds").getAsDouble();
        }
        return sum;
    }

    private static JsonObject clusterRender(Path project, Path out, String cluster, String members, int port,
            Path secret, int segmentFrames) {
        return render("render", project.toString(), "--out", out.toString(), "--cluster", cluster, "--member",
                members, "--port", Integer.toString(port), "--secret-file", secret.toString(), "--segment-frames",
                Integer.toString(segmentFrames), "--json");
    }
}
