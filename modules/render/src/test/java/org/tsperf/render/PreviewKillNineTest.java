package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A separate JVM renders a preview and is killed with kill -9 after its second chunk is stored; the next process on
 * the same cache finds every chunk stored before the kill, whole, no half chunk, renders only the rest, and no
 * temporary file is left.
 */
class PreviewKillNineTest {

    @TempDir
    Path dir;

    private Process start(String mode, Path clip) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-Dtsperf.cache.dir=" + dir.resolve("cache"), "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-cp", System.getProperty("java.class.path"), PreviewRenderChild.class.getName(), mode,
                clip.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    @Timeout(300)
    void aKillNineLosesNoStoredChunkAndLeavesNoHalfChunk() throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        Path clip = TestMedia.clip(dir, "long.mp4", "testsrc2=size=320x240:rate=25", 12, 0);
        TreeSet<Integer> stored = new TreeSet<>();
        Process writer = start("render", clip);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; stored.size() < 2 && (line = out.readLine()) != null; ) {
                if (line.startsWith("stored ")) {
                    stored.add(Integer.parseInt(line.substring(7)));
                } else {
                    assertTrue(!line.equals("finished"), "the render ended before the kill");
                    System.err.println("writer: " + line);
                }
            }
            assertEquals(2, stored.size(), "the writer stored two chunks");
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(writer.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, writer.exitValue(), "killed by SIGKILL");
            for (String line; (line = out.readLine()) != null; ) { // said before the kill: stored too
                if (line.startsWith("stored ")) {
                    stored.add(Integer.parseInt(line.substring(7)));
                }
            }
        } finally {
            writer.destroyForcibly();
        }
        assertTrue(stored.size() < 12, "killed in the middle: " + stored);
        Process checker = start("check", clip);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(checker.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertTrue(checker.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, checker.exitValue(), () -> "checker: " + lines);
        TreeSet<Integer> whole = new TreeSet<>();
        int rendered = -1;
        for (String l : lines) {
            if (l.startsWith("whole ")) {
                whole.add(Integer.parseInt(l.substring(6)));
            } else if (l.startsWith("rendered ")) {
                rendered = Integer.parseInt(l.substring(9));
            }
            assertTrue(!l.startsWith("half ") && !l.startsWith("leftover"), () -> l + " in " + lines);
        }
        assertTrue(whole.containsAll(stored), "every chunk stored before the kill is there whole: " + whole
                + " vs " + stored);
        assertEquals(12 - whole.size(), rendered, "only the missing chunks are rendered again: " + lines);
    }
}
