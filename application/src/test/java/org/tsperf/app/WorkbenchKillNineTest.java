package org.tsperf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real workbench, started by its launcher as a user starts it, is killed with {@code kill -9} while it makes
 * proxies: no ffmpeg runs on, no half-made proxy has a final name, and the next start resumes the jobs from its task
 * journal and finishes them.
 */
class WorkbenchKillNineTest {

    private static final Path ROOT = Path.of(System.getProperty("tsperf.root", "..")).toAbsolutePath().normalize();
    private final List<Process> launched = new ArrayList<>();
    private Path userdir;

    @AfterEach
    void stopWhatIsLeft() throws IOException, InterruptedException {
        if (userdir != null) {
            for (long pid : processesMentioning(userdir.toString())) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        for (Process p : launched) {
            p.destroyForcibly();
        }
    }

    @Test
    @Timeout(900)
    void killNineWhileProxiesAreMadeLeavesNoFfmpegNoHalfMadeProxyAndResumes(@TempDir Path dir) throws Exception {
        Path launcher = ROOT.resolve("application/target/tsperf/bin/tsperf");
        assertTrue(Files.isExecutable(launcher), launcher + ": build the application first");
        assertNotNull(System.getenv("DISPLAY"), "the workbench needs a display: run the tests under xvfb-run");
        Path media = Files.createDirectories(dir.resolve("media"));
        // long enough that the kill finds ffmpeg at work: 1080p, 40 s; two different pictures, so two sets of proxies
        List<Path> clips = List.of(media.resolve("first.mp4"), media.resolve("second.mp4"));
        List<String> pictures = List.of("testsrc2", "testsrc");
        for (int i = 0; i < clips.size(); i++) {
            ffmpeg("-f", "lavfi", "-i", pictures.get(i) + "=size=1920x1080:rate=30:duration=40", "-c:v", "libx264",
                    "-preset", "ultrafast", "-pix_fmt", "yuv420p", clips.get(i).toString());
        }
        userdir = dir.resolve("userdir");
        Path store = userdir.resolve("var/proxies");

        start(dir, "--add-media", media.toString());
        long ffmpeg = await(() -> ffmpegWritingInto(store), 240, "an ffmpeg making proxies into " + store);
        long workbench = workbenchJvm().orElseThrow(() -> new AssertionError("no workbench JVM for " + userdir));
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(workbench)).inheritIO().start().waitFor());
        awaitTrue(() -> !alive(workbench), 30, "the workbench JVM " + workbench + " to die");
        awaitTrue(() -> ffmpegWritingInto(store).isEmpty(), 20, "ffmpeg " + ffmpeg + " to die with the workbench");
        assertFinalProxiesComplete(store, clips);

        start(dir);
        awaitTrue(() -> proxiesOf(store).size() >= clips.size() && partials(store).isEmpty(), 600,
                "the restarted workbench to finish the proxies of both clips in " + store);
        assertFinalProxiesComplete(store, clips);
        long again = workbenchJvm().orElseThrow(() -> new AssertionError("no restarted workbench JVM"));
        new ProcessBuilder("kill", "-9", Long.toString(again)).inheritIO().start().waitFor();
        awaitTrue(() -> !alive(again), 30, "the restarted workbench to die");
    }

    private void start(Path dir, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("application/target/tsperf/bin/tsperf").toString(),
                "--userdir", userdir.toString(), "--nosplash", "-J-Dtsperf.cache.dir=" + dir.resolve("cache"),
                "-J-Xmx1g"));
        cmd.addAll(List.of(extra));
        Path log = dir.resolve("launcher-" + launched.size() + ".log");
        launched.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    /** Every final-named proxy (no {@code .partial}) decodes to the frame count of the sources (all 1200 frames). */
    private static void assertFinalProxiesComplete(Path store, List<Path> clips) throws Exception {
        long sourceFrames = frames(clips.get(0));
        for (Path proxy : proxiesOf(store)) {
            long n = frames(proxy);
            assertTrue(Math.abs(n - sourceFrames) <= 1, proxy + " has " + n + " frames of " + sourceFrames
                    + ": a half-made proxy under a final name");
        }
    }

    private static List<Path> proxiesOf(Path store) throws IOException {
        return listStore(store, name -> name.endsWith(".mp4") && !name.contains(".partial."));
    }

    private static List<Path> partials(Path store) throws IOException {
        return listStore(store, name -> name.contains(".partial."));
    }

    private static List<Path> listStore(Path store, java.util.function.Predicate<String> which) throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(f -> which.test(f.getFileName().toString())).sorted().toList();
        }
    }

    private OptionalLong workbenchJvm() throws IOException {
        for (long pid : processesMentioning(userdir.toString())) {
            if (command(pid).map(c -> c.contains("java") && c.contains("org.netbeans.Main")).orElse(false)) {
                return OptionalLong.of(pid);
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong ffmpegWritingInto(Path store) throws IOException {
        for (long pid : processesMentioning(store.toString())) {
            if (command(pid).map(c -> c.contains("ffmpeg") && c.contains(".partial.")).orElse(false)) {
                return OptionalLong.of(pid);
            }
        }
        return OptionalLong.empty();
    }

    /** Live (not zombie) processes whose command line contains {@code text}, as pgrep -f finds them. */
    private static List<Long> processesMentioning(String text) throws IOException {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != ProcessHandle.current().pid() && command(pid).map(c -> c.contains(text)).orElse(false)
                        && alive(pid)) {
                    found.add(pid);
                }
            }
        }
        return found;
    }

    private static java.util.Optional<String> command(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return java.util.Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException ex) {
            return java.util.Optional.empty(); // ended since the listing
        }
    }

    private static boolean alive(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = s.charAt(s.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException ex) {
            return false;
        }
    }

    private static long frames(Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, file + ": ffprobe failed: " + out);
        return Long.parseLong(out);
    }

    private static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg " + cmd + ": " + out);
    }

    private interface Probe {
        OptionalLong get() throws IOException;
    }

    private interface Check {
        boolean get() throws IOException;
    }

    private static long await(Probe probe, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            OptionalLong v = probe.get();
            if (v.isPresent()) {
                return v.getAsLong();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + seconds + " s for " + what);
    }

    private static void awaitTrue(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            Thread.sleep(100);
        }
    }
}
