package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;

/** A damaged proxy index is moved aside and made again from the plans' descriptions; what is not whole is not. */
class ProxyIndexRebuildTest {

    @TempDir
    Path store;

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(r);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(ProxyIndex.class.getName());

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    /** Plan {@code i} with its two proxies written into the store, as the proxy task finishes one. */
    private PlanFile.Description finish(ProxyIndex index, int i) throws IOException {
        PlanFile.Description d = describe(i);
        index.put(d);
        return d;
    }

    /** Plan {@code i}'s proxies written into the store, and its description. */
    private PlanFile.Description describe(int i) throws IOException {
        ProxySettings s = ProxyIndexWriter.settings(store);
        List<PlanFile.Proxy> proxies = new ArrayList<>();
        for (ProxyResolution r : s.resolutions()) {
            String name = Fingerprint.proxy(ProxyIndexWriter.content(i), s, s.quality().id(), r) + "-" + r.name();
            Path p = Files.write(store.resolve(name + ".mp4"), ProxyIndexWriter.proxyBytes(i, r));
            int width = (int) Math.round(1920 * r.scale());
            proxies.add(new PlanFile.Proxy(new ProxyFile(r.name(), p, Files.size(p), width, width * 9 / 16, "h264"),
                    25));
        }
        return new PlanFile.Description(ProxyIndexWriter.planKey(store, i), ProxyIndexWriter.content(i),
                ProxyIndexWriter.source(i), 1000 + i, 1_700_000_000_000L, s, proxies, List.of("reason " + i),
                System.currentTimeMillis());
    }

    private void damageIndex() throws IOException {
        byte[] junk = new byte[(int) Math.max(4096, Files.size(store.resolve(ProxyIndex.FILE)))];
        new Random(7).nextBytes(junk);
        Files.write(store.resolve(ProxyIndex.FILE), junk);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(store)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDamagedIndexIsMovedAsideAndRebuiltFromTheDescriptions() throws Exception {
        ProxyIndex index = ProxyIndex.open(store);
        PlanFile.Description a = finish(index, 1);
        PlanFile.Description b = finish(index, 2);
        index.want("/media/waiting.mov", "someplan", 2);
        index.failed("/media/broken.mov", "damaged");
        index.close();
        damageIndex();
        // a proxy renamed into place by a run a crash stopped before it was described, and a half-written description
        Path undescribed = Files.write(store.resolve("a".repeat(64) + "-half.mp4"), new byte[100]);
        Path halfWritten = Files.writeString(store.resolve("b".repeat(64) + PlanFile.TEMP_SUFFIX), "tsperf-proxy");
        Path partial = Files.write(store.resolve("c".repeat(64) + "-half.partial.task1.mp4"), new byte[10]);

        ProxyIndex again = ProxyIndex.open(store);
        try {
            List<Path> aside = again.rebuiltFrom().orElseThrow();
            assertTrue(aside.stream().anyMatch(p -> p.getFileName().toString().startsWith(ProxyIndex.FILE
                    + ProxyIndexRebuild.ASIDE)), "the damaged index is kept: " + aside);
            for (Path p : aside) {
                assertTrue(Files.isRegularFile(p), p + " kept");
            }
            for (PlanFile.Description d : List.of(a, b)) {
                ProxyIndex.Entry e = again.finished(d.planKey()).orElseThrow();
                assertEquals(d.source(), e.source());
                assertEquals(d.files(), e.proxies());
                assertEquals(d.reasons(), e.reasons());
            }
            assertEquals(java.util.Map.of(a.source(), a.planKey(), b.source(), b.planKey()), again.sources(),
                    "sources without proxies were only in the old index");
            assertEquals(4, again.counts()[0]);
            assertTrue(again.stored().stream().allMatch(s -> s.lastUse() > 0), "last use: when the plan was made");
            assertFalse(Files.exists(undescribed), "a proxy no description names is not trusted");
            assertFalse(Files.exists(halfWritten), "a half-written description is removed");
            assertTrue(Files.exists(partial), "a partial file is its task's (removed when it runs again)");
            synchronized (warnings) {
                assertEquals(1, warnings.size(), "one warning says what happened: " + warnings);
                String msg = warnings.get(0).getMessage();
                assertTrue(msg.contains("moved aside") && msg.contains("rebuilt") && msg.contains("2 plan(s) with 4"
                        + " proxies") && msg.contains(undescribed.getFileName().toString()), msg);
                assertTrue(warnings.get(0).getThrown() != null, "with the damage");
            }
            finish(again, 3); // and it is written as before
        } finally {
            again.close();
        }
        ProxyIndex third = ProxyIndex.open(store);
        try {
            assertTrue(third.rebuiltFrom().isEmpty(), "a rebuilt index opens as any other");
            assertEquals(3, third.sources().size());
        } finally {
            third.close();
        }
    }

    @Test
    void aDescriptionThatIsCutShortOrDoesNotMatchItsProxiesIsNotTrusted() throws Exception {
        ProxyIndex index = ProxyIndex.open(store);
        PlanFile.Description whole = finish(index, 1);
        PlanFile.Description cut = finish(index, 2);
        PlanFile.Description resized = finish(index, 3);
        PlanFile.Description missing = finish(index, 4);
        index.close();
        Path cutFile = PlanFile.path(store, cut.planKey());
        String text = Files.readString(cutFile);
        Files.writeString(cutFile, text.substring(0, text.length() / 2)); // a power cut in its write
        Files.write(resized.files().get(1).path(), new byte[7]); // a proxy replaced by another file
        Files.delete(missing.files().get(0).path());
        damageIndex();

        ProxyIndex again = ProxyIndex.open(store);
        try {
            assertTrue(again.rebuiltFrom().isPresent());
            assertTrue(again.finished(whole.planKey()).isPresent());
            for (PlanFile.Description d : List.of(cut, resized, missing)) {
                assertTrue(again.finished(d.planKey()).isEmpty(), d.source() + " is made again");
                assertFalse(Files.exists(PlanFile.path(store, d.planKey())), "its description is removed");
                for (ProxyFile p : d.files()) {
                    assertFalse(Files.exists(p.path()), p.path() + " is not trusted");
                }
            }
            assertEquals(java.util.Set.of(whole.source()), again.sources().keySet());
        } finally {
            again.close();
        }
    }

    @Test
    void aDescriptionFollowsItsPlanWhenRelinkedAndGoesWhenItIsRemoved() throws Exception {
        ProxyIndex index = ProxyIndex.open(store);
        PlanFile.Description moved = finish(index, 1);
        PlanFile.Description removed = finish(index, 2);
        index.relink(moved.planKey(), "/media/renamed.mov");
        assertEquals("/media/renamed.mov", PlanFile.read(store, PlanFile.path(store, moved.planKey())).source());
        index.removePlan(removed.planKey());
        assertFalse(Files.exists(PlanFile.path(store, removed.planKey())), "the description goes first");
        index.close();
        damageIndex();
        ProxyIndex again = ProxyIndex.open(store);
        try {
            assertEquals(java.util.Map.of("/media/renamed.mov", moved.planKey()), again.sources());
            for (ProxyFile p : removed.files()) {
                assertFalse(Files.exists(p.path()), "the proxies of a removed plan are not found again");
            }
        } finally {
            again.close();
        }
    }

    @Test
    void aPlanACrashLeftOutOfTheIndexAfterItsDescriptionIsListedAtTheNextOpen() throws Exception {
        ProxyIndex index = ProxyIndex.open(store);
        PlanFile.Description listed = finish(index, 1);
        index.close();
        // what a kill between the description's rename and the index's commit leaves
        PlanFile.Description left = describeOnly(2);
        PlanFile.Description notWhole = describeOnly(3);
        Files.delete(notWhole.files().get(0).path());

        ProxyIndex again = ProxyIndex.open(store);
        try {
            assertTrue(again.rebuiltFrom().isEmpty(), "the index itself was fine");
            assertEquals(left.files(), again.finished(left.planKey()).orElseThrow().proxies());
            assertEquals(java.util.Map.of(listed.source(), listed.planKey(), left.source(), left.planKey()),
                    again.sources());
            assertTrue(again.finished(notWhole.planKey()).isEmpty(), "a plan missing a proxy is not listed");
            assertTrue(Files.exists(PlanFile.path(store, notWhole.planKey())), "nor removed: the index is fine");
        } finally {
            again.close();
        }
    }

    /** Plan {@code i}'s proxies and description, not recorded in the index. */
    private PlanFile.Description describeOnly(int i) throws IOException {
        PlanFile.Description d = describe(i);
        PlanFile.write(store, d);
        return d;
    }

    @Test
    void anIndexInUseElsewhereIsRefusedNotRebuilt() throws Exception {
        ProxyIndex index = ProxyIndex.open(store);
        try {
            finish(index, 1);
            List<String> before = names();
            IOException ex = assertThrows(IOException.class, () -> ProxyIndex.open(store));
            assertTrue(ex.getMessage().contains("cannot be opened") || ex.getMessage().contains("cannot be read"),
                    ex.getMessage());
            assertEquals(before, names(), "nothing moved aside or removed");
            assertTrue(index.finished(ProxyIndexWriter.planKey(store, 1)).isPresent());
        } finally {
            index.close();
        }
    }
}
