package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tsperf render --cluster} killed with {@code kill -9} while the workers render, then run again with the same
 * arguments: the second coordinator resumes from the signed results the workers left in the job folder, renders only
 * the segments missing, and the result has the single-machine render's frames, duration and pictures.
 */
class ClusterResumeCommandTest {

    /** What a worker logs (INFO, org.tsperf.cluster) for each segment it renders. */
    private static final Pattern RENDERED = Pattern.compile("made segment (\\d+) \\(frames");

    @TempDir
    Path dir;

    private final ClusterWorkers workers = new ClusterWorkers();
    private Process coordinator;

    @AfterEach
    void stop() throws InterruptedException {
        if (coordinator != null) {
            coordinator.destroyForcibly();
            coordinator.waitFor(20, TimeUnit.SECONDS);
        }
        workers.close();
    }

    @Test
    @Timeout(500)
    void aCoordinatorKilledWithKill9IsStartedAgainAndRendersOnlyTheSegmentsMissing() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path project = ClusterWorkers.project(media);
        List<String> reach = workers.cluster(dir, media, 2, "-Djava.util.logging.config.file="
                + ClusterWorkers.taskLogging(dir));
        Path out = media.resolve("cluster.mp4");
        List<String> args = new ArrayList<>(List.of("render", project.toString(), "--out", out.toString(),
                "--segment-frames", "20", "--json"));
        args.addAll(reach);

        coordinator = ClusterWorkers.startCli(args, dir.resolve("coordinator-1.log"));
        awaitFirstResult(media, coordinator, dir.resolve("coordinator-1.log"));
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(coordinator.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        assertTrue(coordinator.waitFor(30, TimeUnit.SECONDS), "the coordinator died of kill -9");
        assertEquals(137, coordinator.exitValue(), "killed by SIGKILL");
        assertFalse(Files.exists(out), "no output from the killed coordinator");
        Path job = jobFolder(media);
        Set<Integer> doneBefore = resultsIn(job);

        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(text, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonObject json = JsonParser.parseString(text.toString().trim()).getAsJsonObject();
        JsonObject c = json.getAsJsonObject("cluster");
        System.err.println("resumed render: " + json + "; done before the restart: " + doneBefore);

        // the segments done before the restart were taken as they were: not handed out again, not rendered again
        assertEquals(5, c.getAsJsonArray("segments").size(), c.toString());
        Set<Integer> resumedSegments = new TreeSet<>();
        for (JsonElement e : c.getAsJsonArray("segments")) {
            JsonObject s = e.getAsJsonObject();
            if (s.get("attempts").getAsInt() == 0) {
                resumedSegments.add(s.get("index").getAsInt());
            }
        }
        assertTrue(resumedSegments.containsAll(doneBefore), "resumed " + resumedSegments + ", done before "
                + doneBefore);
        assertEquals(resumedSegments.size(), c.get("resumed").getAsInt());
        assertTrue(resumedSegments.size() >= 1 && resumedSegments.size() < 5, "some segments resumed, not all: "
                + resumedSegments);
        // every segment's render was logged by a worker (the lines may still be on their way)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (renders(workers).size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Map<Integer, Integer> renders = renders(workers);
        assertEquals(5, renders.size(), "every segment rendered by a worker: " + renders);
        for (int index : doneBefore) {
            assertEquals(1, renders.get(index), "segment " + index + ", done before the restart, rendered once: "
                    + renders);
        }

        // the same file as on one machine
        Path single = media.resolve("single.mp4");
        StringWriter out1 = new StringWriter();
        StringWriter err1 = new StringWriter();
        assertEquals(0, Main.run(new String[] {"render", project.toString(), "--out", single.toString(), "--json"},
                new PrintWriter(out1, true), new PrintWriter(err1, true)), err1.toString());
        JsonObject one = JsonParser.parseString(out1.toString().trim()).getAsJsonObject();
        assertEquals(one.get("frames").getAsLong(), json.get("frames").getAsLong(), "frame count");
        assertEquals(one.get("durationSeconds").getAsDouble(), json.get("durationSeconds").getAsDouble(), 0.041,
                "duration within a frame");
        List<Double> ssim = ClusterWorkers.ssim(dir, out, single);
        assertEquals(100, ssim.size(), "every frame compared");
        double lowest = ssim.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        assertTrue(lowest >= 0.99, "lowest SSIM " + lowest);
        System.err.println("resumed render: lowest SSIM " + lowest + " against the single-machine render");
        assertFalse(Files.exists(job), "the job folder is removed at the end");
    }

    /** Waits (with a deadline) until a worker left a segment's signed result in the job folder. */
    private static void awaitFirstResult(Path media, Process coordinator, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (true) {
            Path job = jobFolderOrNull(media);
            if (job != null && !resultsIn(job).isEmpty()) {
                return;
            }
            if (!coordinator.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no segment done within 240 s (coordinator alive: " + coordinator.isAlive()
                        + "): " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    private static Path jobFolderOrNull(Path media) throws IOException {
        try (Stream<Path> files = Files.list(media)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".tsperf-cluster-cluster.mp4-"))
                    .findFirst().orElse(null);
        }
    }

    private static Path jobFolder(Path media) throws IOException {
        Path job = jobFolderOrNull(media);
        assertTrue(job != null, "the killed coordinator's job folder is kept");
        return job;
    }

    /** The indexes of the segments whose signed results lie in the job folder. */
    private static Set<Integer> resultsIn(Path job) throws IOException {
        Pattern name = Pattern.compile("segment-(\\d+)\\.result");
        Set<Integer> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(job)) {
            files.forEach(f -> {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            });
        }
        return out;
    }

    /** How often each segment was rendered, from the workers' log lines. */
    private static Map<Integer, Integer> renders(ClusterWorkers workers) {
        List<String> lines;
        synchronized (workers.output) {
            lines = new ArrayList<>(workers.output);
        }
        Map<Integer, Integer> out = new TreeMap<>();
        for (String line : lines) {
            Matcher m = RENDERED.matcher(line);
            if (m.find()) {
                out.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
        }
        return out;
    }
}
