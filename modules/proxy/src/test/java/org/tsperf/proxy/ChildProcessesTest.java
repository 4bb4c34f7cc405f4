package org.tsperf.proxy;

import org.tsperf.api.util.ChildProcesses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A JVM that runs ffmpeg is killed with kill -9: its ffmpeg child must not run on. */
class ChildProcessesTest {

    /** The JVM to kill: starts a long ffmpeg through {@link ChildProcesses}, prints its pid, and waits. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            Process ffmpeg = ChildProcesses.start(new ProcessBuilder(FfmpegProxyEncoder.executable(), "-nostdin",
                    "-v", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=25:duration=120", "-f",
                    "null", "-"));
            System.out.println("child " + ffmpeg.pid() + " tied " + ChildProcesses.tiedToThisJvm());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    @Timeout(120)
    void theFfmpegChildDiesWithAKilledParent() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Parent.class.getName())
                .redirectErrorStream(true).start();
        long child;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("child "));
            assertTrue(line != null, "the parent JVM printed no child pid");
            String[] f = line.split(" ");
            child = Long.parseLong(f[1]);
            assertEquals("true", f[3], "setpriv ties children to the JVM on this machine (util-linux is installed)");
            assertTrue(running(child), "ffmpeg " + child + " runs while its parent lives");
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(parent.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, parent.exitValue(), "killed by SIGKILL");
        } finally {
            parent.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (running(child) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        boolean left = running(child);
        if (left) {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly); // not left behind by the test either
        }
        assertTrue(!left, "ffmpeg " + child + " still runs after its parent JVM was killed with kill -9");
    }

    /** Alive and not a zombie (a killed child waits as a zombie until something reaps it). */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String s = Files.readString(stat);
            String state = s.substring(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3);
            return !List.of("Z", "X").contains(state);
        } catch (java.nio.file.NoSuchFileException ex) {
            return false;
        }
    }
}
