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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    @Timeout(400)
    void threeWorkersRenderTheSinglemachinePictures() throws Exception {
        Path media = Files.createDirectories(dir.resolve("shared media"));
        Path project = ClusterWorkers.project(media);
        List<String> reach = workers.cluster(dir, media, 3);
        Path single = media.resolve("single.mp4");
        StringWriter out1 = new StringWriter();
        StringWriter err1 = new StringWriter();
        assertEquals(0, Main.run(new String[] {"render", project.toString(), "--out", single.toString(), "--json"},
                new PrintWriter(out1, true), new PrintWriter(err1, true)), err1.toString());
        JsonObject one = JsonParser.parseString(out1.toString().trim()).getAsJsonObject();

        Path clustered = media.resolve("cluster.mp4");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("render", project.toString(), "--out", clustered.toString(),
                "--segment-frames", "25", "--json"));
        args.addAll(reach);
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
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
        List<String> status = new ArrayList<>(List.of("cluster", "status", "--json"));
        status.addAll(reach);
        assertEquals(0, Main.run(status.toArray(String[]::new), new PrintWriter(statusOut, true),
                new PrintWriter(err, true)), err.toString());
        JsonObject statusJson = JsonParser.parseString(statusOut.toString().trim()).getAsJsonObject();
        long shown = 0;
        for (JsonElement m : statusJson.getAsJsonArray("members")) {
            JsonObject member = m.getAsJsonObject();
            if (member.get("role").getAsString().equals("worker")) {
                shown++;
                assertTrue(member.get("segmentsDone").getAsInt() >= 0, member.toString());
            }
        }
        assertEquals(3, shown, "cluster status shows the three workers: " + statusJson);
        List<Double> ssim = ClusterWorkers.ssim(dir, clustered, single);
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
