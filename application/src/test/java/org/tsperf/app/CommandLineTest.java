package org.tsperf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real {@code ./tsperf} launcher as a separate process against the assembled application. */
class CommandLineTest {

    private record Result(int exit, List<String> out, String err) {
    }

    private static Result tsperf(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("tsperf.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("tsperf").toString());
        command.addAll(List.of(args));
        File out = File.createTempFile("tsperf-out", ".txt");
        File err = File.createTempFile("tsperf-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(out).redirectError(err);
            pb.environment().put("TSPERF_NO_BUILD", "1"); // the build under test assembled it
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tsperf " + String.join(" ", args) + " did not end");
            return new Result(p.exitValue(), Files.readAllLines(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }

    @Test
    void monitorJsonPrintsOneRealSnapshotPerSecond() throws Exception {
        long start = System.nanoTime();
        Result r = tsperf("monitor", "--seconds", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.out().size(), "one JSON line per second: " + r.out());
        long previous = 0;
        for (String line : r.out()) {
            JsonObject s = JsonParser.parseString(line).getAsJsonObject();
            JsonObject cpu = s.getAsJsonObject("cpu");
            double system = cpu.get("systemPercent").getAsDouble();
            assertTrue(system >= 0 && system <= 100, line);
            assertEquals(Runtime.getRuntime().availableProcessors(), cpu.get("logicalProcessors").getAsInt());
            JsonObject mem = s.getAsJsonObject("memory");
            long total = mem.get("totalBytes").getAsLong();
            assertTrue(total > 0 && mem.get("usedBytes").getAsLong() <= total, line);
            assertTrue(mem.get("heapUsedBytes").getAsLong() <= mem.get("heapMaxBytes").getAsLong(), line);
            JsonObject gpu = s.getAsJsonObject("gpu");
            // the GPU module is in the build: Vulkan starts in the background, then its figures are real
            assertTrue(gpu.get("available").getAsBoolean()
                    ? !gpu.get("device").getAsString().isBlank() && gpu.get("memoryBudgetBytes").getAsLong() > 0
                    : gpu.get("reason").getAsString().equals("starting Vulkan"), line);
            JsonArray disks = s.getAsJsonArray("disks");
            for (JsonElement d : disks) {
                JsonObject disk = d.getAsJsonObject();
                assertTrue(disk.get("usedBytes").getAsLong() <= disk.get("totalBytes").getAsLong(), line);
            }
            assertTrue(s.get("warnings").isJsonArray());
            long t = java.time.Instant.parse(s.get("time").getAsString()).toEpochMilli();
            if (previous != 0) {
                assertEquals(1000, t - previous, 250, "a second apart");
            }
            previous = t;
        }
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 30, "starts and ends promptly");
    }

    @Test
    void servicesFindTheMonitorThroughLookup() throws Exception {
        Result r = tsperf("services", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonArray concerns = JsonParser.parseString(String.join("\n", r.out())).getAsJsonObject().getAsJsonArray("concerns");
        JsonObject monitor = concerns.get(0).getAsJsonObject();
        assertEquals("monitor", monitor.get("concern").getAsString());
        JsonObject service = monitor.getAsJsonArray("services").get(0).getAsJsonObject();
        assertEquals("org.tsperf.api.monitor.ResourceMonitor", service.get("service").getAsString());
        JsonObject provider = service.getAsJsonArray("providers").get(0).getAsJsonObject();
        assertEquals("org.tsperf.monitor.OshiResourceMonitor", provider.get("class").getAsString());
        assertEquals("org-tsperf-monitor.jar", provider.get("module").getAsString());
    }

    @Test
    void gpuInfoAndBenchRunVulkanInAPlainJvm() throws Exception {
        Result info = tsperf("gpu", "info", "--json");
        assertEquals(0, info.exit(), info.err());
        JsonObject o = JsonParser.parseString(String.join("\n", info.out())).getAsJsonObject();
        assertTrue(o.get("vulkanAvailable").getAsBoolean(), "LWJGL's natives load from the cluster: " + o);
        assertTrue(o.getAsJsonArray("devices").size() >= 1);
        assertTrue(o.get("pathReason").getAsString().startsWith("measured at first use"), o.toString());
        Result bench = tsperf("gpu", "bench", "--seconds", "0.05", "--width", "320", "--height", "180", "--json");
        assertEquals(0, bench.exit(), bench.err());
        JsonObject b = JsonParser.parseString(String.join("\n", bench.out())).getAsJsonObject();
        assertEquals(9, b.getAsJsonArray("operations").size());
        for (JsonElement e : b.getAsJsonArray("operations")) {
            assertTrue(e.getAsJsonObject().get("vulkanFps").getAsDouble() > 0, e.toString());
            assertTrue(e.getAsJsonObject().get("cpuFps").getAsDouble() > 0, e.toString());
        }
    }

    /**
     * Damaged copies of the real clips through the probe and the decoder, in the command's own JVM as the workbench
     * runs them: it must not die of a signal (exit 134/139 with the copy named on stderr), and each copy is read or
     * rejected with an error naming it.
     */
    @Test
    void damagedCopiesOfRealClipsAreReadOrRejectedNeverCrash() throws Exception {
        Path real = Path.of(System.getProperty("tsperf.root", "..")).toAbsolutePath().normalize()
                .resolve("../shared/media/real").normalize();
        Path car = real.resolve("car-detection.mp4");
        Path bottle = real.resolve("bottle-detection.mp4");
        assertTrue(Files.isRegularFile(car) && Files.isRegularFile(bottle),
                "needs the real clips in " + real + " (../shared/media/real beside the checkout)");
        Result r = tsperf("fuzz", car.toString(), bottle.toString(), "--copies", "25", "--seed", "7", "--timeout",
                "30", "--json");
        String[] progress = r.err().strip().split("\n");
        assertEquals(0, r.exit(), "exit " + r.exit() + " after " + progress[progress.length - 1] + "\n" + r.err());
        JsonObject o = JsonParser.parseString(String.join("\n", r.out())).getAsJsonObject();
        assertEquals(50, o.get("checked").getAsInt());
        assertEquals(0, o.getAsJsonArray("failures").size(), o.toString());
        // the damage really reached the readers: some copies are refused, some still read
        assertTrue(o.get("rejected").getAsInt() > 0, o.toString());
        assertTrue(o.get("read").getAsInt() > 0, o.toString());
        assertEquals(50, o.get("read").getAsInt() + o.get("rejected").getAsInt());
    }

    @Test
    void proxyMakesProxiesOfARealClipAndRefusesABadFileOnItsOwn(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path real = Path.of(System.getProperty("tsperf.root", "..")).toAbsolutePath().normalize()
                .resolve("../shared/media/real/car-detection.mp4").normalize();
        assertTrue(Files.isRegularFile(real), "needs " + real + ": the real clips belong in ../shared/media/real");
        Path media = Files.createDirectories(dir.resolve("media"));
        Path clip = Files.copy(real, media.resolve("clip.mp4"));
        Path zero = Files.createFile(media.resolve("zero.mp4"));
        Path store = dir.resolve("store");
        Result r = tsperf("proxy", media.toString(), "--store", store.toString(), "--json");
        assertEquals(1, r.exit(), "a bad file in the batch makes the command fail: " + r.err());
        JsonArray results = JsonParser.parseString(String.join("\n", r.out())).getAsJsonObject()
                .getAsJsonArray("results");
        assertEquals(2, results.size());
        JsonObject good = results.get(0).getAsJsonObject();
        assertEquals(clip.toString(), good.get("source").getAsString());
        assertEquals("generated", good.get("status").getAsString(), good.toString());
        JsonObject half = good.getAsJsonArray("proxies").get(0).getAsJsonObject();
        assertEquals("half", half.get("resolution").getAsString());
        assertEquals(384, half.get("width").getAsInt());
        assertEquals(216, half.get("height").getAsInt());
        assertEquals(Files.size(Path.of(half.get("path").getAsString())), half.get("sizeBytes").getAsLong());
        assertTrue(r.err().contains("frames"), "progress on stderr: " + r.err());
        JsonObject bad = results.get(1).getAsJsonObject();
        assertEquals(zero.toString(), bad.get("source").getAsString());
        assertEquals("failed", bad.get("status").getAsString());
        assertTrue(bad.get("error").getAsString().contains("0 bytes"), bad.toString());
        Result again = tsperf("proxy", clip.toString(), "--store", store.toString(), "--json");
        assertEquals(0, again.exit(), again.err());
        assertTrue(String.join("", again.out()).contains("\"status\":\"up_to_date\""), again.out().toString());
        Result probe = tsperf("probe", Path.of(half.get("path").getAsString()).toString(), "--json");
        assertEquals(0, probe.exit(), probe.err());
        JsonObject video = JsonParser.parseString(probe.out().get(0)).getAsJsonObject().getAsJsonArray("video").get(0)
                .getAsJsonObject();
        assertEquals("High", video.get("profile").getAsString());
        assertEquals(377, video.get("frameCount").getAsInt());
    }

    @Test
    void usageErrorsExitTwoAndSayWhatToDo() throws Exception {
        Result bad = tsperf("monitor", "--seconds", "0");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--seconds must be at least 1"), bad.err());
        Result unknown = tsperf("monitr");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--help"), unknown.err());
    }

    @Test
    void tasksListExplainsAMissingJournal() throws Exception {
        Path empty = Files.createTempDirectory("tsperf-userdir");
        try {
            Result r = tsperf("tasks", "list", "--userdir", empty.toString());
            assertEquals(1, r.exit());
            assertTrue(r.err().contains(empty.resolve("var/tasks/journal.db").toString())
                    && r.err().contains("no task journal here"), r.err());
        } finally {
            Files.deleteIfExists(empty);
        }
    }

    @Test
    void tasksBenchComparesWithAThreadPoolInOneRun() throws Exception {
        Result r = tsperf("tasks", "bench", "--tasks", "2000", "--journal-tasks", "20", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonArray results = JsonParser.parseString(String.join("\n", r.out())).getAsJsonObject().getAsJsonArray("results");
        assertEquals(4, results.size());
        for (JsonElement e : results) {
            JsonObject m = e.getAsJsonObject();
            assertTrue(m.get("value").getAsDouble() > 0 && m.get("baseline").getAsDouble() > 0, m.toString());
            assertEquals(m.get("value").getAsDouble() / m.get("baseline").getAsDouble(), m.get("ratio").getAsDouble(), 1e-9);
        }
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (String command : List.of("monitor", "services", "tasks list", "tasks bench", "gpu", "gpu info",
                "gpu bench", "probe", "frame", "proxy")) {
            Result r = tsperf((command + " --help").split(" "));
            assertEquals(0, r.exit(), r.err());
            assertTrue(String.join("\n", r.out()).contains("Usage: tsperf " + command), r.out().toString());
        }
    }
}
