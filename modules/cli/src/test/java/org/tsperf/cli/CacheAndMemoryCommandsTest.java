package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.MultiLevelCache;

/** {@code cache} and {@code memory} in-process, on the real cache and memory modules (disk levels in a temp dir). */
class CacheAndMemoryCommandsTest {

    @TempDir
    static Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void cacheInTempDir() {
        System.setProperty("tsperf.cache.dir", home.resolve("cache").toString());
        System.setProperty("tsperf.cache.l1.budget", "64M");
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path trace(String text) throws IOException {
        Path f = home.resolve("t" + System.nanoTime() + ".trace");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void replayPrintsRequestsHitsHitRateAndBytes() throws IOException {
        Path t = trace("# key size\nframe:a 1000\nframe:a 1000\n\nframe:b 3000\nframe:a 1000\n");
        assertEquals(0, run("cache", "replay", "--trace", t.toString(), "--capacity", "1M", "--json"));
        JsonObject r = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(4, r.get("requests").getAsLong());
        assertEquals(2, r.get("hits").getAsLong());
        assertEquals(0.5, r.get("hitRate").getAsDouble(), 1e-9);
        assertEquals(6000, r.get("requestedBytes").getAsLong());
        assertEquals(2000, r.get("hitBytes").getAsLong());
        assertEquals("default", r.get("policy").getAsString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("cache", "replay", "--trace", t.toString(), "--capacity", "1048576", "--policy", "lru"));
        assertTrue(out.toString().contains("requests 4, hits 2, hit rate 50.00 %"), out.toString());
    }

    @Test
    void replayErrorsSayWhatIsWrong() throws IOException {
        assertEquals(Main.FAILURE, run("cache", "replay", "--trace", home.resolve("none").toString(), "--capacity", "1M"));
        assertTrue(err.toString().contains("no trace file"), err.toString());
        Path bad = trace("frame:a 1000\nframe:b lots\n");
        assertEquals(Main.FAILURE, run("cache", "replay", "--trace", bad.toString(), "--capacity", "1M"));
        assertTrue(err.toString().contains("line 2: expected 'KEY SIZE_IN_BYTES'"), err.toString());
        Path ok = trace("frame:a 1000\n");
        assertEquals(Main.USAGE, run("cache", "replay", "--trace", ok.toString(), "--capacity", "-5"));
        assertTrue(err.toString().contains("--capacity must be a positive number of bytes"), err.toString());
        assertEquals(Main.USAGE, run("cache", "replay", "--trace", ok.toString(), "--capacity", "1M", "--policy", "fifo"));
        assertEquals(Main.USAGE, run("cache", "replay", "--capacity", "1M"));
    }

    @Test
    void replayComparesThePoliciesWithAndWithoutTheTracesHints() throws IOException {
        // a loop of three frames in room for two: LRU never hits; the loop hint keeps a stable part of it
        StringBuilder text = new StringBuilder("@loop c 0 2\n");
        for (int pass = 0; pass < 10; pass++) {
            for (int f = 0; f < 3; f++) {
                text.append("c:f").append(f).append(" 1000\n");
            }
        }
        Path t = trace(text.toString());
        assertEquals(0, run("cache", "replay", "--trace", t.toString(), "--capacity", "2192", "--policy", "hinted",
                "--json"));
        JsonObject r = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("hinted", r.get("policy").getAsString());
        assertEquals(30, r.get("requests").getAsLong());
        assertEquals(1, r.get("hints").getAsLong());
        JsonObject rates = r.getAsJsonObject("hitRates");
        assertEquals(r.get("hitRate").getAsDouble(), rates.get("hinted").getAsDouble(), 1e-9);
        assertEquals(0.0, rates.get("lru").getAsDouble(), 1e-9);
        assertTrue(rates.get("hinted").getAsDouble() >= 0.3 && rates.get("hinted").getAsDouble()
                >= rates.get("default").getAsDouble(), rates.toString());
        assertTrue(rates.get("min").getAsDouble() >= rates.get("hinted").getAsDouble(), rates.toString());
    }

    @Test
    void unknownHintLinesAreErrorsNamingTheLine() throws IOException {
        Path t = trace("c:f0 1000\n@jump c 5\n");
        assertEquals(Main.FAILURE, run("cache", "replay", "--trace", t.toString(), "--capacity", "1M"));
        assertTrue(err.toString().contains("line 2: unknown hint @jump"), err.toString());
    }

    @Test
    void traceWritesASimulatedSessionThatReplayReads() throws IOException {
        Path t = home.resolve("loop.trace");
        assertEquals(0, run("cache", "trace", "--kind", "loop", "--seed", "1", "--scale", "0.1", "--out", t.toString(),
                "--json"));
        JsonObject w = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertTrue(w.get("hints").getAsLong() >= 1 && w.get("accesses").getAsLong() > 1000, w.toString());
        assertTrue(Files.readAllLines(t).stream().anyMatch(l -> l.startsWith("@loop c5 ")));
        out.getBuffer().setLength(0);
        assertEquals(0, run("cache", "replay", "--trace", t.toString(), "--capacity", "1G", "--json"));
        JsonObject r = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(w.get("accesses").getAsLong(), r.get("requests").getAsLong());
        assertEquals(Main.USAGE, run("cache", "trace", "--kind", "dance", "--out", t.toString()));
        assertTrue(err.toString().contains("--kind must be one of playback, loop"), err.toString());
    }

    @Test
    void statsAndClearShowAndEmptyTheLevels() {
        MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
        cache.put(CacheKey.frame("clip", 0, 3840, 2160, "none"), new byte[40 << 20]); // over L1/8: on L2
        cache.put(CacheKey.thumbnail("clip", 0, 160), new byte[57_600]);
        assertEquals(0, run("cache", "stats", "--json"));
        JsonObject s = JsonParser.parseString(out.toString()).getAsJsonObject();
        JsonArray levels = s.getAsJsonArray("levels");
        assertEquals(3, levels.size());
        assertEquals("L1", levels.get(0).getAsJsonObject().get("level").getAsString());
        assertEquals(1, levels.get(0).getAsJsonObject().get("entries").getAsLong());
        JsonObject l2 = levels.get(1).getAsJsonObject();
        assertEquals(home.resolve("cache").resolve("l2").toString(), l2.get("location").getAsString());
        assertEquals(1, l2.get("entries").getAsLong());
        assertTrue(l2.get("bytes").getAsLong() >= 40 << 20);
        out.getBuffer().setLength(0);
        assertEquals(0, run("cache", "clear", "--level", "L2"));
        assertEquals("Cleared 1 entries from L2", out.toString().trim());
        out.getBuffer().setLength(0);
        assertEquals(0, run("cache", "stats", "--level", "L2"));
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("L2\\s+0\\s.*")), out.toString());
        assertEquals(Main.USAGE, run("cache", "stats", "--level", "L4"));
    }

    @Test
    void memoryStatsShowProfilePressureAndBudgets() {
        assertEquals(0, run("memory", "stats", "--json"));
        JsonObject m = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertTrue(m.getAsJsonObject("profile").get("name").getAsString().endsWith("GB machine"));
        assertTrue(m.get("pressure").getAsString().matches("normal|elevated|high|critical"));
        assertTrue(m.get("systemTotalBytes").getAsLong() > 0);
        assertTrue(m.getAsJsonObject("usedByPriority").has("critical"));
        out.getBuffer().setLength(0);
        assertEquals(0, run("memory", "stats"));
        assertTrue(out.toString().startsWith("profile "), out.toString());
    }

    @Test
    void memoryBenchMeasuresResidentMemoryOfPlaybackAgainstTheBudget() {
        int code = run("memory", "bench", "--seconds", "2", "--json");
        JsonObject m = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(m.get("withinBudget").getAsBoolean() ? 0 : 1, code, err.toString());
        assertEquals(60, m.get("frames").getAsInt());
        long budget = m.get("budgetBytes").getAsLong();
        assertEquals(budget, Lookup.getDefault().lookup(org.tsperf.api.memory.MemoryManager.class).profile()
                .totalBytes());
        long peak = m.get("peakRssBytes").getAsLong();
        // eight 4K frames in flight are touched page by page, so they are resident
        assertTrue(peak >= m.get("baselineRssBytes").getAsLong() && peak > 8L * 3840 * 2160 * 4, m.toString());
        assertEquals(peak + m.get("peakChildrenRssBytes").getAsLong(), m.get("peakTotalRssBytes").getAsLong(),
                m.toString());
        assertEquals(0, m.getAsJsonArray("proxyJobs").size());

        assertEquals(Main.USAGE, run("memory", "bench", "--profile", "3"));
        assertEquals(Main.USAGE, run("memory", "bench", "--proxy", home.resolve("nothing.mp4").toString()));
        assertTrue(err.toString().contains("nothing.mp4: no such file"), err.toString());
    }

    @Test
    void everyNewCommandHasHelp() {
        for (String[] c : new String[][] {{"cache", "--help"}, {"cache", "stats", "--help"}, {"cache", "clear", "--help"},
            {"cache", "replay", "--help"}, {"memory", "--help"}, {"memory", "stats", "--help"},
            {"memory", "bench", "--help"}}) {
            assertEquals(0, run(c), String.join(" ", c));
        }
        assertTrue(out.toString().contains("KEY SIZE_IN_BYTES"));
    }
}
