package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.openide.util.lookup.Lookups;
import org.tsperf.api.cache.CacheConfig;
import org.tsperf.api.cache.CacheConfiguration;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.util.ModulePreferences;

class StoredCacheConfigurationTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    private final Preferences node = ModulePreferences.forModule(StoredCacheConfiguration.class);
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(new SimpleFormatter().formatMessage(r));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private CacheProvider provider;

    @BeforeEach
    void freshSettings() throws BackingStoreException {
        node.clear();
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        Logger.getLogger("").removeHandler(handler);
        if (provider != null) {
            provider.close();
        }
        node.clear();
    }

    private static StoredCacheConfiguration service() {
        return (StoredCacheConfiguration) Lookup.getDefault().lookup(CacheConfiguration.class);
    }

    @Test
    void nothingStoredGivesTheDefaults() {
        CacheConfig c = service().config();
        assertEquals(CacheSettings.defaults(), c);
        assertEquals(CacheConfig.L1_FOLLOWS_MEMORY_PROFILE, c.l1BudgetBytes());
        assertEquals(8 * GIB, c.l2BudgetBytes());
        assertEquals(32 * GIB, c.l3BudgetBytes());
        assertEquals(CacheSettings.baseDirectory().resolve("l2"), c.l2Dir());
        assertEquals(List.of(), warnings);
    }

    @Test
    void savedSettingsReadBackAndDefaultFoldersStayFollowingTheBase(@TempDir Path dir) {
        CacheConfig d = service().defaults();
        CacheConfig wanted = d.withL1Budget(768 * MIB).withL3(dir.resolve("big"), 100 * GIB);
        assertFalse(service().setConfig(wanted), "L3 moved: that waits for a restart");
        assertEquals(wanted, service().config());
        assertEquals("", node.get(StoredCacheConfiguration.L2_DIR, null), "the default L2 folder is stored blank");
        assertEquals(dir.resolve("big").toString(), node.get(StoredCacheConfiguration.L3_DIR, null));
        assertTrue(service().setConfig(wanted.withL1Budget(GIB)), "only L1 changed: it applies at once");
    }

    @Test
    void corruptOrHandEditedValuesGiveTheirDefaultsAndAWarningNamingEach() {
        node.put(StoredCacheConfiguration.L1_BUDGET, "lots");
        node.put(StoredCacheConfiguration.L2_BUDGET, "-5G");
        node.put(StoredCacheConfiguration.L3_BUDGET, "1M"); // below the smallest disk level
        node.put(StoredCacheConfiguration.L3_DIR, "relative/cache");
        CacheConfig c = service().config();
        assertEquals(service().defaults(), c);
        for (String key : List.of("l1.budget", "l2.budget", "l3.budget", "l3.dir")) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains("setting " + key + " ")), key + ": " + warnings);
        }
    }

    @Test
    void foldersUsableAloneButTheSameForBothLevelsGiveTheDefaultFolders(@TempDir Path dir) {
        node.put(StoredCacheConfiguration.L2_DIR, dir.toString());
        node.put(StoredCacheConfiguration.L3_DIR, dir.toString());
        CacheConfig c = service().config();
        assertEquals(service().defaults().l2Dir(), c.l2Dir());
        assertEquals(service().defaults().l3Dir(), c.l3Dir());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("cache folders")), warnings.toString());
    }

    @Test
    void aFolderThatCannotBeUsedGivesTheDefaultFolderWhenTheCacheOpens(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        CacheConfig stored = CacheSettings.defaults().withL2(file.resolve("l2"), GIB);
        CacheSettings s = CacheSettings.resolve(stored, 0);
        assertEquals(CacheSettings.defaults().l2Dir(), s.l2Dir());
        assertEquals(GIB, s.l2BudgetBytes(), "the budget is kept");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("cache L2 folder (l2.dir)") && w.contains(
                file.toString())), warnings.toString());
    }

    @Test
    void theRamBudgetAppliesToTheOpenCacheAtOnce(@TempDir Path dir) {
        String base = System.getProperty("tsperf.cache.dir");
        System.setProperty("tsperf.cache.dir", dir.toString());
        try {
            provider = new CacheProvider();
            assertTrue(l1Budget() > 0, "the cache opened");
            StoredCacheConfiguration s = new StoredCacheConfiguration(node, Lookups.fixed(provider));
            assertTrue(s.setConfig(s.config().withL1Budget(96 * MIB)));
            assertEquals(96 * MIB, l1Budget());
        } finally {
            if (base == null) {
                System.clearProperty("tsperf.cache.dir");
            } else {
                System.setProperty("tsperf.cache.dir", base);
            }
        }
    }

    private long l1Budget() {
        return provider.levels().stream().filter(l -> l.level() == CacheLevel.L1)
                .mapToLong(LevelStatistics::budgetBytes).findFirst().orElseThrow();
    }
}
