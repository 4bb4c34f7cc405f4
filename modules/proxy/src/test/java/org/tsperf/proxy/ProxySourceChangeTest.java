package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyResult.Status;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskListener;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskState;

/**
 * A source that grows (a copy still running) or is cut (truncated) while its proxy is made: the job fails with a
 * message naming the file and what to do, registers no proxy and leaves no file; made again once the file is whole,
 * it works. The change is made by another thread or process once the job's progress shows ffmpeg encoding frames;
 * task listeners are told on the job's own thread, so the job cannot finish before the change is done.
 */
class ProxySourceChangeTest {

    @TempDir
    static Path media;
    static Path original;

    @BeforeAll
    static void clip() throws Exception {
        // long enough that ffmpeg reports frames (every 0.5 s) well before it is done
        original = ProxyServiceTest.clipIn(media, "original.mp4", "testsrc2=size=1920x1080:rate=25:duration=12");
    }

    @Test
    void aSourceThatGrowsWhileItsProxyIsMadeGetsNoProxyAndAClearMessage(@TempDir Path temp) throws Exception {
        Path source = Files.copy(original, temp.resolve("copying.mp4"));
        long size = Files.size(source);
        ProxyResult r = makeWhileChanging(source, temp.resolve("store"), () -> {
            Thread copier = new Thread(() -> { // the rest of a copy arriving
                try {
                    Files.write(source, new byte[1 << 20], StandardOpenOption.APPEND);
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }, "copier");
            copier.start();
            copier.join();
        });
        assertChangedAndNothingKept(r, source, temp.resolve("store"), "grew from " + size + " to "
                + (size + (1 << 20)) + " bytes");
        Files.copy(original, source, StandardCopyOption.REPLACE_EXISTING); // the copy made again, complete
        assertMadeAgain(source, temp.resolve("store"));
    }

    @Test
    void aSourceTruncatedWhileItsProxyIsMadeGetsNoProxyAndAClearMessage(@TempDir Path temp) throws Exception {
        Path source = Files.copy(original, temp.resolve("cut.mp4"));
        long half = Files.size(source) / 2;
        ProxyResult r = makeWhileChanging(source, temp.resolve("store"), () -> {
            Process p = new ProcessBuilder("truncate", "-s", Long.toString(half), source.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "truncate failed: " + out);
        });
        assertChangedAndNothingKept(r, source, temp.resolve("store"), "shrank");
        assertFalse(r.error().contains("truncated: its container"), "not blamed on the file: " + r.error());
        Files.copy(original, source, StandardCopyOption.REPLACE_EXISTING);
        assertMadeAgain(source, temp.resolve("store"));
    }

    interface Change {
        void run() throws Exception;
    }

    /** Makes the proxies of {@code source}, changing it once the job's progress shows frames being encoded. */
    private static ProxyResult makeWhileChanging(Path source, Path store, Change change) throws Exception {
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        TaskListener l = (TaskInfo t) -> {
            if (t.state() == TaskState.RUNNING && t.progress().done() > 0
                    && source.toString().equals(t.spec().parameters().get(ProxyParams.SOURCE))
                    && seen.compareAndSet(null, t.progress().message())) {
                try {
                    change.run(); // on the job's thread: it waits for the change
                } catch (Exception ex) {
                    failed.set(ex);
                }
            }
        };
        tasks.addListener(l);
        try {
            ProxyResult r = Lookup.getDefault().lookup(ProxyService.class)
                    .generateNow(source, ProxySettings.defaults(store)).result().get(5, TimeUnit.MINUTES);
            assertEquals(null, failed.get(), "the change could not be made");
            assertTrue(seen.get() != null, "the job never reported frames encoded, so nothing changed under it: "
                    + r);
            return r;
        } finally {
            tasks.removeListener(l);
        }
    }

    private static void assertChangedAndNothingKept(ProxyResult r, Path source, Path store, String what)
            throws IOException {
        assertEquals(Status.FAILED, r.status(), r.toString());
        String e = r.error();
        assertTrue(e.contains(source.toString()) && e.contains("changed while its proxy was made")
                && e.contains(what) && e.contains("Make it again once the copy is complete"), e);
        assertTrue(r.proxies().isEmpty(), r.toString());
        assertEquals(List.of(), videos(store), "no proxy and no partial file is left in the store");
        assertTrue(Lookup.getDefault().lookup(ProxyService.class).readyProxy(store, source, 100).isEmpty(),
                "no proxy is registered for it");
    }

    private static void assertMadeAgain(Path source, Path store) throws Exception {
        ProxyResult again = Lookup.getDefault().lookup(ProxyService.class)
                .generateNow(source, ProxySettings.defaults(store)).result().get(5, TimeUnit.MINUTES);
        assertEquals(Status.GENERATED, again.status(), "made again once the copy is complete: " + again);
        assertFalse(videos(store).isEmpty());
    }

    private static List<Path> videos(Path store) throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(mp4|mov)$")
                    || f.getFileName().toString().contains("partial")).toList();
        }
    }
}
