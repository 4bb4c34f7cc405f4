package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxySettings;

class ProxyIndexTest {

    @TempDir
    Path store;

    /** A finished plan as the index records it (its key need not be its content's: nothing here rebuilds). */
    static PlanFile.Description plan(String key, String source, List<ProxyFile> proxies, List<String> reasons) {
        Path store = proxies.isEmpty() ? Path.of("/") : proxies.get(0).path().getParent();
        return new PlanFile.Description(key, "content", source, 1, 0, ProxySettings.defaults(store),
                proxies.stream().map(p -> new PlanFile.Proxy(p, 10)).toList(), reasons, System.currentTimeMillis());
    }

    @Test
    void committedPlansSurviveAReopenAndNeedTheirFiles() throws Exception {
        Path proxy = Files.writeString(store.resolve("k-half.mp4"), "x");
        ProxyIndex index = ProxyEngine.get().index(store);
        index.put(plan("plan1", "/media/a.mov", List.of(new ProxyFile("half", proxy, 1, 960, 540,
                    "h264")), List.of("Half: 960x540")));
        index.close();
        ProxyIndex again = ProxyEngine.get().index(store);
        try {
            ProxyIndex.Entry e = again.finished("plan1").orElseThrow();
            assertEquals("/media/a.mov", e.source());
            assertEquals(proxy, e.proxies().get(0).path());
            assertEquals(List.of("Half: 960x540"), e.reasons());
            assertEquals(1, again.counts()[0]);
            again.relink("plan1", "/media/b.mov");
            assertEquals("/media/b.mov", again.finished("plan1").orElseThrow().source());
            assertEquals(List.of("/media/b.mov"), List.copyOf(again.sources().keySet()));
            Files.delete(proxy);
            assertTrue(again.finished("plan1").isEmpty(), "a plan whose proxy file is gone is not finished");
        } finally {
            again.close();
        }
    }

    @Test
    void aProxySwappedForALinkOutOfTheStoreIsNotAProxy(@TempDir Path outside) throws Exception {
        Path proxy = Files.writeString(store.resolve("k-half.mp4"), "x");
        ProxyIndex index = ProxyEngine.get().index(store);
        try {
            index.put(plan("plan1", "/media/a.mov", List.of(new ProxyFile("half", proxy, 1, 960, 540,
                    "h264")), List.of("Half: 960x540")));
            assertTrue(index.finished("plan1").isPresent());
            Path elsewhere = Files.writeString(outside.resolve("other.mp4"), "x");
            Files.delete(proxy);
            Files.createSymbolicLink(proxy, elsewhere);
            assertTrue(Files.isRegularFile(proxy), "the link leads to a real file");
            assertTrue(index.finished("plan1").isEmpty(), "a link in a proxy's place is not a finished proxy");
            long withLink = StoreSpace.folderBytes(store);
            Files.writeString(elsewhere, "x".repeat(1 << 20));
            assertEquals(withLink, StoreSpace.folderBytes(store), "the file behind the link is not the store's");
        } finally {
            index.close();
        }
    }

    @Test
    void readsComeFromMemoryAndAreReadAgainOnlyAfterAChange() throws Exception {
        Path proxy = Files.writeString(store.resolve("k-half.mp4"), "x");
        ProxyIndex index = ProxyEngine.get().index(store);
        try {
            long v = index.version();
            for (int i = 0; i < 3; i++) { // the Proxy Manager and the monitor read once a second
                index.sources();
                index.finished("plan1");
                index.failure("/media/a.mov");
                index.counts();
            }
            assertEquals(v, index.version(), "reading changes nothing");
            index.want("/media/a.mov", "plan1", 1);
            assertEquals(v + 1, index.version());
            assertEquals(java.util.Map.of("/media/a.mov", "plan1"), index.sources(), "a change is read");
            index.put(plan("plan1", "/media/a.mov", List.of(new ProxyFile("half", proxy, 1, 960, 540,
                    "h264")), List.of()));
            assertTrue(index.finished("plan1").isPresent());
            long afterPut = index.version();
            index.touch("plan1");
            assertEquals(afterPut, index.version(), "a last-use time is not in what readers see");
            index.failed("/media/a.mov", "broken");
            assertEquals("broken", index.failure("/media/a.mov").orElseThrow());
            Files.delete(proxy);
            assertTrue(index.finished("plan1").isEmpty(), "the files are still looked at on every read");
        } finally {
            index.close();
        }
    }

    @Test
    void keysDependOnContentAndSettingsNotOnTheName() throws Exception {
        Path a = Files.write(store.resolve("a.bin"), new byte[3 << 20]);
        Path b = Files.write(store.resolve("b.bin"), new byte[3 << 20]);
        assertEquals(Fingerprint.of(a), Fingerprint.of(b));
        byte[] changed = new byte[3 << 20];
        changed[changed.length - 1] = 1; // in the last MiB
        Path c = Files.write(store.resolve("c.bin"), changed);
        assertTrue(!Fingerprint.of(a).equals(Fingerprint.of(c)));
        Path longer = Files.write(store.resolve("d.bin"), new byte[(3 << 20) + 1]);
        assertTrue(!Fingerprint.of(a).equals(Fingerprint.of(longer)), "the size is part of the key");
        ProxySettings s = ProxySettings.defaults(store);
        String content = Fingerprint.of(a);
        assertTrue(!Fingerprint.plan(content, s).equals(Fingerprint.plan(content, new ProxySettings(
                s.resolutions(), org.tsperf.api.proxy.ProxyFormat.PRORES_PROXY, s.quality(), store))));
        assertEquals(Fingerprint.plan(content, s), Fingerprint.plan(content, s.withStore(Path.of("/elsewhere"))),
                "the store folder is not part of the key");
    }
}
