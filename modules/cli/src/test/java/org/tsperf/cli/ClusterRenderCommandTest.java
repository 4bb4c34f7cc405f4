package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/**
 * {@code tsperf render --cluster} against {@code tsperf render}: three {@code tsperf worker} JVMs on 127.0.0.1 and the
 * coordinator in this JVM render a generated project with the real render module; the result has the single-machine
 * render's frame count and duration and its pictures (SSIM at least 0.99 on every frame).
 */
class ClusterRenderCommandTest {

    @TempDir
    Path dir;

    private final ClusterWorkers workers = new ClusterWorkers();

    @AfterEach
    void killWorkers() throws InterruptedException {
        workers.close();
    }

    /** 4 s of 320x240 with sound: a colour adjust, then a cross-fade into a blurred second clip. */
    private Path project(Path media) throws Exception {
        Path clip = media.resolve("clip.mp4");
        ClusterWorkers.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-g",
                "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip.toString());
        Project p = new Project("cluster", 320, 240, new FrameRate(25, 1), 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(
                        new Clip("a", clip, 0, 60, 0, List.of(new Effect.ColourAdjust(0.05, 1.1, 1.2, 1))),
                        new Clip("b", clip, 20, 50, 50, List.of(new Effect.Blur(1.5)))),
                        List.of(new Transition("a", "b", 10))),
                new Track("A1", TrackKind.AUDIO, List.of(new Clip("s", clip, 0, 100, 0, List.of())), List.of())));
        Path file = media.resolve("p.tsproj");
        Lookup.getDefault().lookup(TimelineService.class).write(p, file);
        return file;
    }

    /** The SSIM of every frame of two videos (ffmpeg's ssim filter, "All"). */
    private List<Double> ssim(Path a, Path b) throws Exception {
        Path stats = dir.resolve("ssim.log");
        ClusterWorkers.ffmpeg("-i", a.toString(), "-i", b.toString(), "-lavfi", "[0:v][1:v]ssim=stats_file="
                + stats, "-f", "null", "-");
        List<Double> all = new ArrayList<>();
        Pattern p = Pattern.compile("All:([0-9.]+)");
        for (String line : Files.readAllLines(stats)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                all.add(Double.parseDouble(m.group(1)));
            }
        }
        return all;
    }

    @Test
    @Timeout(400)
    void threeWorkersRenderTheSinglemachinePictures() throws Exception {
        Path media = Files.createDirectories(dir.resolve("shared media"));
        Path project = project(media);
        Path secret = Files.writeString(dir.resolve("secret"), "a secret of more than sixteen bytes\n");
        String cluster = "cli-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        int base = ClusterWorkers.freePorts(4);
        String members = "127.0.0.1:" + (base + 1) + ",127.0.0.1:" + (base + 2) + ",127.0.0.1:" + (base + 3);
        for (int i = 1; i <= 3; i++) {
            workers.start(cluster, members, base + i, media, secret);
        }
        Path single = media.resolve("single.mp4");
        StringWriter out1 = new StringWriter();
        StringWriter err1 = new StringWriter();
        assertEquals(0, Main.run(new String[] {"render", project.toString(), "--out", single.toString(), "--json"},
                new PrintWriter(out1, true), new PrintWriter(err1, true)), err1.toString());
        JsonObject one = JsonParser.parseString(out1.toString().trim()).getAsJsonObject();

        Path clustered = media.resolve("cluster.mp4");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"render", project.toString(), "--out", clustered.toString(), "--cluster",
            cluster, "--member", members, "--port", Integer.toString(base), "--secret-file", secret.toString(),
            "--segment-frames", "25", "--json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonObject json = JsonParser.parseString(out.toString().trim()).getAsJsonObject();
        assertEquals(one.get("frames").getAsLong(), json.get("frames").getAsLong(), "frame count");
        assertEquals(100, json.get("frames").getAsLong());
        assertEquals(one.get("durationSeconds").getAsDouble(), json.get("durationSeconds").getAsDouble(), 0.041,
                "duration within a frame");
        JsonObject c = json.getAsJsonObject("cluster");
        assertEquals(4, c.getAsJsonArray("segments").size(), c.toString());
        Set<String> by = new HashSet<>();
        for (JsonElement s : c.getAsJsonArray("segments")) {
            by.add(s.getAsJsonObject().get("member").getAsString());
        }
        assertTrue(by.size() >= 2, "segments on several workers: " + c);
        StringWriter statusOut = new StringWriter();
        assertEquals(0, Main.run(new String[] {"cluster", "status", "--cluster", cluster, "--member", members,
            "--port", Integer.toString(base), "--secret-file", secret.toString(), "--json"},
                new PrintWriter(statusOut, true), new PrintWriter(err, true)), err.toString());
        JsonObject status = JsonParser.parseString(statusOut.toString().trim()).getAsJsonObject();
        long shown = 0;
        for (JsonElement m : status.getAsJsonArray("members")) {
            JsonObject member = m.getAsJsonObject();
            if (member.get("role").getAsString().equals("worker")) {
                shown++;
                assertTrue(member.get("segmentsDone").getAsInt() >= 0, member.toString());
            }
        }
        assertEquals(3, shown, "cluster status shows the three workers: " + status);
        List<Double> ssim = ssim(clustered, single);
        assertEquals(100, ssim.size(), "every frame compared");
        double lowest = ssim.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        assertTrue(lowest >= 0.99, "lowest SSIM " + lowest);
        System.err.println("cluster render: " + json + "; lowest SSIM " + lowest);
        try (var left = Files.list(media)) {
            assertEquals(Set.of("clip.mp4", "p.tsproj", "single.mp4", "cluster.mp4"), left.map(p -> p.getFileName()
                    .toString()).collect(java.util.stream.Collectors.toSet()), "the job folder is gone");
        }
    }
}
