package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyResult.Status;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.testsupport.SmallDisk;

/** The proxy store on a real, small file system that fills up while a proxy is made. */
class ProxyFullDiskTest {

    @TempDir
    Path temp;

    @Test
    void fullStoreSaysSoNamesTheFolderKeepsFinishedProxiesAndWorksOnceSpaceIsFreed() throws Exception {
        ProxyService service = Lookup.getDefault().lookup(ProxyService.class);
        Path media = Files.createDirectories(temp.resolve("media"));
        Path small = ProxyServiceTest.clipAt(media, "small.mp4", "testsrc2=size=320x240:rate=25:duration=1", false);
        // noise does not compress: the proxies of this one need far more than the space left
        Path noisy = ProxyServiceTest.clipAt(media, "noisy.mp4", "testsrc2=size=2112x1188:rate=10:duration=1",
                false, "-vf", "noise=alls=100:allf=t", "-crf", "10");
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("store"), 8L << 20)) {
            ProxySettings settings = ProxySettings.defaults(disk.dir());
            ProxyResult first = service.generateNow(small, settings).result().join();
            assertEquals(Status.GENERATED, first.status(), first.error());
            List<byte[]> before = contents(first.proxies());

            disk.fill(0);
            ProxyResult none = service.generateNow(noisy, settings).result().join();
            assertEquals(Status.FAILED, none.status(), none.toString());
            assertTrue(none.error().contains(disk.dir().toString()) && none.error().contains("is full")
                    && !none.error().contains("truncated"), "a store with no room fails before ffmpeg: " + none);
            disk.free();

            // room to start, not to finish: ffmpeg runs out of space on the way
            disk.fill(StoreSpace.NEARLY_FULL_BYTES + 512 * 1024);
            ProxyResult full = service.generateNow(noisy, settings).result().join();
            assertEquals(Status.FAILED, full.status(), full.toString());
            String error = full.error();
            assertTrue(error.contains(disk.dir().toString()), "names the store folder: " + error);
            assertTrue(error.contains("full") && error.contains("free") && error.contains("needed"),
                    "says the disk is full, with the space free and needed: " + error);
            assertTrue(error.contains("choose another"), "says what to do: " + error);
            assertFalse(error.contains("truncated") || error.contains("copy it again"),
                    "does not blame the source, which is fine: " + error);
            assertEquals(List.of(), partials(disk.dir()), "no partial file is left");
            ProxyResult again = service.generateNow(small, settings).result().join();
            assertEquals(Status.UP_TO_DATE, again.status(), "the finished proxies are still known: " + again);
            assertEquals(before.size(), contents(again.proxies()).size());
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), contents(again.proxies()).get(i), "a finished proxy is intact");
            }

            disk.free();
            ProxyResult freed = service.generateNow(noisy, settings).result().join();
            assertEquals(Status.GENERATED, freed.status(), "works again once space is freed: " + freed.error());
            assertEquals(List.of(), partials(disk.dir()));
            ProxyEngine.get().close(); // the index is released before the file system goes
        }
    }

    private static List<byte[]> contents(List<ProxyFile> proxies) throws java.io.IOException {
        List<byte[]> all = new java.util.ArrayList<>();
        for (ProxyFile p : proxies) {
            all.add(Files.readAllBytes(p.path()));
        }
        return all;
    }

    static List<Path> partials(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains("partial")).toList();
        }
    }
}
