package org.tsperf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tsperf cache ...} and {@code ./tsperf memory stats} as separate processes on the assembled application. */
class CacheCommandLineTest {

    @TempDir
    Path tmp;

    private String run(int expectedExit, String... args) throws Exception {
        Path root = Path.of(System.getProperty("tsperf.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("tsperf").toString()));
        command.addAll(List.of(args));
        File out = tmp.resolve("out.txt").toFile();
        File err = tmp.resolve("err.txt").toFile();
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectOutput(out).redirectError(err);
        pb.environment().put("TSPERF_NO_BUILD", "1");
        pb.environment().put("TSPERF_JAVA_OPTS", "-Dtsperf.cache.dir=" + tmp.resolve("cache"));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tsperf " + String.join(" ", args) + " did not end");
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, p.exitValue(), stderr);
        return expectedExit == 0 ? Files.readString(out.toPath(), StandardCharsets.UTF_8) : stderr;
    }

    @Test
    void replayStatsClearAndMemoryStatsRunHeadless() throws Exception {
        Path trace = tmp.resolve("loop.trace");
        StringBuilder t = new StringBuilder();
        for (int round = 0; round < 10; round++) {
            for (int f = 0; f < 30; f++) {
                t.append("frame:c@").append(f).append(' ').append(8_294_400).append('\n');
            }
        }
        Files.writeString(trace, t);
        // 30 frames looped in room for 20: LRU never hits, the application's policy keeps part of the loop
        JsonObject lru = JsonParser.parseString(run(0, "cache", "replay", "--trace", trace.toString(),
                "--capacity", "170000000", "--policy", "lru", "--json")).getAsJsonObject();
        JsonObject def = JsonParser.parseString(run(0, "cache", "replay", "--trace", trace.toString(),
                "--capacity", "170000000", "--json")).getAsJsonObject();
        assertEquals(300, lru.get("requests").getAsLong());
        assertEquals(0, lru.get("hits").getAsLong());
        assertTrue(def.get("hits").getAsLong() > 50, def.toString());

        JsonObject stats = JsonParser.parseString(run(0, "cache", "stats", "--json")).getAsJsonObject();
        assertEquals(tmp.resolve("cache").resolve("l3").toString(),
                stats.getAsJsonArray("levels").get(2).getAsJsonObject().get("location").getAsString());
        assertTrue(run(0, "cache", "clear").startsWith("Cleared 0 entries"));
        assertTrue(run(2, "cache", "clear", "--level", "L9").contains("--level"));

        JsonObject memory = JsonParser.parseString(run(0, "memory", "stats", "--json")).getAsJsonObject();
        assertTrue(memory.getAsJsonObject("profile").get("name").getAsString().endsWith("GB machine"));
    }
}
