package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;

/** kill -9 of the process making a proxy: nothing complete-looking is left, and the restarted job finishes. */
class ProxyCrashTest {

    private static Process worker(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtsperf.tasks.journal=" + dir.resolve("journal.db"), "-cp", System.getProperty("java.class.path"),
                ProxyWorkerMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("worker.out").toFile())
                .start();
    }

    private static List<String> names(Path store) throws Exception {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(store)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mp4")).sorted().toList();
        }
    }

    @Test
    void killMinusNineLeavesNoCompleteLookingFileAndTheJobFinishesAfterARestart(@TempDir Path dir) throws Exception {
        Path source = ProxyServiceTest.clipIn(dir, "long.mp4", "testsrc2=size=1280x720:rate=25:duration=12");
        Path store = dir.resolve("store");
        Process first = worker(dir, store.toString(), source.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (names(store).stream().noneMatch(n -> n.contains(".partial.") )
                || Files.size(store.resolve(names(store).get(0))) == 0) {
            assertTrue(first.isAlive(), "worker ended early: " + Files.readString(dir.resolve("worker.out")));
            assertTrue(System.nanoTime() < deadline, "no partial proxy appeared");
            Thread.sleep(20);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        Thread.sleep(1500); // the orphaned ffmpeg stops at its next progress write to the closed pipe
        assertTrue(names(store).stream().allMatch(n -> n.contains(".partial.")),
                "only partial files after the kill: " + names(store));

        Process second = worker(dir, store.toString());
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the restarted worker finishes");
        assertEquals(0, second.exitValue(), Files.readString(dir.resolve("worker.out")));
        List<String> after = names(store);
        assertEquals(1, after.size(), after.toString());
        assertTrue(after.get(0).endsWith("-half.mp4") && !after.get(0).contains("partial"), after.toString());

        ProxyService service = Lookup.getDefault().lookup(ProxyService.class);
        ProxyResult r = service.generateNow(source, ProxySettings.defaults(store)).result().join();
        assertEquals(ProxyResult.Status.UP_TO_DATE, r.status(), r.toString());
        assertEquals(store.resolve(after.get(0)), r.proxies().get(0).path());
        ProxyEngine.get().index(store).close();
    }
}
