package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.Thumbnail;
import org.tsperf.api.media.ThumbnailService;
import org.tsperf.api.proxy.CleanupPolicy;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyMediaList;
import org.tsperf.api.proxy.ProxyResult.Status;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxyState.Kind;

/** The Proxy Manager's service side: media list, states, delete, size limit, playback choice, thumbnails. */
class ProxyMediaListTest {

    @TempDir
    static Path media;
    static Path wide;
    static Path small;
    static ProxyService service;
    static ProxyMediaList mediaList;
    static ProxyConfiguration configuration;

    @TempDir
    Path store;

    @BeforeAll
    static void makeClips() throws Exception {
        service = Lookup.getDefault().lookup(ProxyService.class);
        mediaList = Lookup.getDefault().lookup(ProxyMediaList.class);
        configuration = Lookup.getDefault().lookup(ProxyConfiguration.class);
        wide = ProxyServiceTest.clipAt(media, "wide.mp4", "testsrc2=size=2112x1188:rate=10:duration=1", true);
        small = ProxyServiceTest.clipAt(media, "small.mp4", "testsrc2=size=320x240:rate=25:duration=2", false);
    }

    @BeforeEach
    void configure() {
        configuration.setConfig(ProxyConfig.defaults(store).withGenerateAsync(false));
    }

    @AfterEach
    void reset() {
        ProxyConfigStore.resetMemory();
    }

    /** The Proxy Manager's Generate: now, with the configured settings. */
    private static ProxyJob generate(Path source) {
        return service.generateNow(source, service.config().settings());
    }

    private Map<String, ProxyMedia> list() {
        return mediaList.media().stream().collect(Collectors.toMap(m -> m.source().getFileName().toString(),
                Function.identity()));
    }

    @Test
    void foldersAddTheirMediaFilesAndRefuseBrokenOnesByName() throws Exception {
        Path folder = Files.createDirectories(store.resolveSibling(store.getFileName() + "-bin").resolve("day1"));
        Files.copy(wide, folder.resolve("a.mp4"));
        Files.copy(small, folder.resolve("b.MOV"));
        Files.writeString(folder.resolve("notes.txt"), "not media");
        Files.createFile(folder.resolve("empty.mp4"));
        String summary = mediaList.addMedia(List.of(folder.getParent())).join();
        assertTrue(summary.startsWith("Added 2 media file(s) (2 from folders)"), summary);
        assertTrue(summary.contains("empty.mp4: is empty (0 bytes)"), summary);
        assertFalse(summary.contains("notes.txt"), summary);
        Map<String, ProxyMedia> list = list();
        assertEquals(List.of("a.mp4", "b.MOV"), list.keySet().stream().sorted().toList());
        ProxyMedia a = list.get("a.mp4");
        assertTrue(a.online());
        assertTrue(a.description().startsWith("2112x1188 h264"), a.description());
        assertEquals(List.of("quarter", "half"), a.proxies().stream().map(p -> p.resolution()).toList());
        assertTrue(a.proxies().stream().allMatch(p -> p.kind() == Kind.NONE), a.toString());

        String missing = mediaList.addMedia(List.of(folder.resolve("gone.mp4"))).join();
        assertTrue(missing.contains("gone.mp4: no such file"), missing);
        assertEquals(2, list().size());
    }

    @Test
    void statesFollowJobsAndDeletionAndTheStrategy() throws Exception {
        mediaList.addMedia(List.of(wide, small)).join();
        assertEquals(Status.GENERATED, generate(wide).result().join().status());
        assertEquals(Status.GENERATED, generate(small).result().join().status());
        Map<String, ProxyMedia> list = list();
        assertTrue(list.get("wide.mp4").proxies().stream().allMatch(p -> p.kind() == Kind.READY
                && p.file().isPresent() && Files.isRegularFile(p.file().get().path())), list.toString());
        ProxyMedia s = list.get("small.mp4");
        assertEquals(Kind.SKIPPED, s.proxies().get(0).kind(), s.toString());
        assertTrue(s.proxies().get(0).detail().contains("320 px wide"), s.proxies().get(0).detail());
        assertEquals(Kind.READY, s.proxies().get(1).kind());

        List<Path> files = list.get("wide.mp4").proxies().stream().map(p -> p.file().get().path()).toList();
        String deleted = mediaList.deleteProxies(wide).join();
        assertTrue(deleted.startsWith("Deleted 2 proxies of wide.mp4"), deleted);
        files.forEach(f -> assertFalse(Files.exists(f), f + " still exists"));
        assertTrue(list().get("wide.mp4").proxies().stream().allMatch(p -> p.kind() == Kind.NONE));
        assertTrue(service.proxyForPlayback(wide, 500).isEmpty());

        mediaList.removeMedia(small);
        assertEquals(List.of("wide.mp4"), List.copyOf(list().keySet()));
    }

    @Test
    void aFailedJobShowsItsReasonUntilAGoodOne() throws Exception {
        Path junk = media.resolve("junk.mp4");
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        Files.write(junk, noise);
        mediaList.addMedia(List.of(junk)).join();
        assertEquals(Status.FAILED, generate(junk).result().join().status());
        ProxyMedia m = list().get("junk.mp4");
        assertEquals(Kind.FAILED, m.proxies().get(0).kind(), m.toString());
        assertTrue(m.proxies().get(0).detail().contains("junk.mp4"), m.proxies().get(0).detail());
    }

    @Test
    void playbackTakesTheSmallestProxyWideEnoughAndHonoursTheSwitch() {
        mediaList.addMedia(List.of(wide)).join();
        generate(wide).result().join();
        ProxyFile forSmallView = service.proxyForPlayback(wide, 500).orElseThrow();
        assertEquals("quarter", forSmallView.resolution());
        assertEquals("half", service.proxyForPlayback(wide, 1000).orElseThrow().resolution());
        assertEquals("half", service.proxyForPlayback(wide, 4000).orElseThrow().resolution(), "else the largest");
        configuration.setConfig(service.config().withUseProxies(false));
        assertTrue(service.proxyForPlayback(wide, 500).isEmpty(), "Use proxies is off");
    }

    @Test
    void theSizeLimitDeletesLeastRecentlyUsedFirstAndSparesProxiesInUse() throws Exception {
        mediaList.addMedia(List.of(wide, small)).join();
        generate(small).result().join();
        Thread.sleep(20);
        long wideBytes = generate(wide).result().join().proxies().stream().mapToLong(ProxyFile::sizeBytes).min()
                .orElseThrow();
        Thread.sleep(20);
        service.proxyForPlayback(small, 100); // small is now the most recently used
        // the store as the product measures it (the index included), less half of wide's smaller proxy: one plan
        // must go
        long limit = StoreSpace.folderBytes(store) - wideBytes / 2;
        ProxyConfig tight = service.config().withMaxCacheSize(limit, CleanupPolicy.LEAST_RECENTLY_USED);

        String kept = StoreCleanup.enforce(tight);
        assertTrue(kept.contains("in use"), "everything was used in the last minute: " + kept);
        assertEquals(Kind.READY, list().get("wide.mp4").proxies().get(0).kind());

        String msg = StoreCleanup.enforce(tight, 0);
        assertTrue(msg.startsWith("Deleted 2 least recently used proxies"), msg);
        assertEquals(Kind.NONE, list().get("wide.mp4").proxies().get(0).kind(), "wide was used least recently");
        assertEquals(Kind.READY, list().get("small.mp4").proxies().get(1).kind());
        long du = ProxyStoreAssert.duBytes(store);
        assertTrue(du <= limit, "the store, its index included, is within its limit (du): " + du + " > " + limit);

        String manual = StoreCleanup.enforce(service.config().withMaxCacheSize(1, CleanupPolicy.MANUAL), 0);
        assertTrue(manual.contains("deletes nothing"), manual);
        assertEquals(Kind.READY, list().get("small.mp4").proxies().get(1).kind());
    }

    @Test
    void theSizeLimitCountsTheIndexFiles() throws Exception {
        mediaList.addMedia(List.of(small)).join();
        generate(small).result().join();
        long proxiesAlone = ProxyStoreAssert.duBytes(store) - ProxyStoreAssert.indexDuBytes(store);
        assertTrue(ProxyStoreAssert.indexDuBytes(store) > 0, "the index takes space too");
        // a limit the proxies alone fit in, but not with their index: over the limit
        String msg = StoreCleanup.enforce(service.config().withMaxCacheSize(proxiesAlone,
                CleanupPolicy.LEAST_RECENTLY_USED), 0);
        assertTrue(msg.startsWith("Deleted 1 least recently used proxy") && msg.contains("index"), msg);
        assertEquals(Kind.NONE, list().get("small.mp4").proxies().get(1).kind());
        String within = StoreCleanup.enforce(service.config().withMaxCacheSize(StoreSpace.folderBytes(store),
                CleanupPolicy.LEAST_RECENTLY_USED), 0);
        assertTrue(within.contains("its index included") && within.contains("nothing to delete"), within);
    }

    @Test
    void thumbnailStripsAreEvenlySpreadAndSized() {
        ThumbnailService thumbnails = Lookup.getDefault().lookup(ThumbnailService.class);
        List<Thumbnail> strip = thumbnails.strip(small, 4, 160).join();
        assertEquals(4, strip.size());
        assertEquals(List.of(250_000L, 750_000L, 1_250_000L, 1_750_000L), strip.stream().map(Thumbnail::timeMicros)
                .toList());
        strip.forEach(t -> assertEquals(160 * 120, t.width() * t.height()));
        assertFalse(Arrays.equals(strip.get(0).rgb(), strip.get(3).rgb()), "testsrc2 moves: pictures differ");
        long bright = 0;
        for (byte b : strip.get(1).rgb()) {
            bright += b & 0xff;
        }
        assertNotEquals(0, bright, "not a black picture");

        CompletionException bad = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> thumbnails.strip(media.resolve("nothing-here.mp4"), 4, 160).join());
        assertTrue(bad.getCause().getMessage().contains("nothing-here.mp4: no such file"), bad.getMessage());
    }

    @Test
    void thumbnailsComeFromAProxyInTheConfiguredStoreNotTheDefaultOne() {
        assertNotEquals(DefaultProxyService.defaultStore(), store, "the test configures its own store");
        mediaList.addMedia(List.of(small)).join();
        assertEquals(Status.GENERATED, generate(small).result().join().status());
        ThumbnailStrips.Request r = ThumbnailStrips.Request.of(small.toAbsolutePath().normalize(), 4, 160);
        java.nio.file.Path input = ThumbnailStrips.Decoder.input(r);
        assertTrue(input.startsWith(store), input + " is not a proxy in the configured store " + store);
        List<Thumbnail> strip = Lookup.getDefault().lookup(ThumbnailService.class).strip(small, 4, 160).join();
        strip.forEach(t -> assertEquals(160 * 120, t.width() * t.height()));
        assertFalse(Arrays.equals(strip.get(0).rgb(), strip.get(3).rgb()), "pictures of different instants");
    }

    @Test
    void aStripIsWorkedOutOncePerSourceAndAgainWhenTheFileChanges() throws Exception {
        Path copy = Files.copy(small, media.resolve("strip-once.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ThumbnailStrips.Request first = ThumbnailStrips.remembered(copy.toAbsolutePath().normalize(), 4, 160);
        for (int i = 0; i < 3; i++) {
            assertTrue(first == ThumbnailStrips.remembered(copy.toAbsolutePath().normalize(), 4, 160),
                    "asked again (a window refreshing): not probed or fingerprinted again");
        }
        assertTrue(first != ThumbnailStrips.remembered(copy.toAbsolutePath().normalize(), 8, 160),
                "another shape is another strip");
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(copy).toMillis() + 5000));
        ThumbnailStrips.Request changed = ThumbnailStrips.remembered(copy.toAbsolutePath().normalize(), 4, 160);
        assertTrue(first != changed, "a changed file is looked at again");
        assertEquals(first.times(), changed.times());
    }
}
