package org.tsperf.cache;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cache.CacheConfig;
import org.tsperf.api.cache.CacheConfiguration;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.api.util.ModulePreferences;
import org.tsperf.api.util.StoredSettings;

/**
 * {@link CacheConfiguration} of the cache module: the settings in this module's preferences (the user directory's
 * {@code config/Preferences/org/tsperf/cache.properties} in the workbench). A folder equal to its default is stored
 * blank, so it keeps following {@code -Dtsperf.cache.dir}.
 */
@ServiceProvider(service = CacheConfiguration.class)
public final class StoredCacheConfiguration implements CacheConfiguration {

    static final String L1_BUDGET = "l1.budget";
    static final String L2_DIR = "l2.dir";
    static final String L2_BUDGET = "l2.budget";
    static final String L3_DIR = "l3.dir";
    static final String L3_BUDGET = "l3.budget";
    private static final Logger LOG = Logger.getLogger(StoredCacheConfiguration.class.getName());
    private static final String[] PROPERTIES = {"tsperf.cache.dir", "tsperf.cache.l1.budget", "tsperf.cache.l2.dir",
        "tsperf.cache.l2.budget", "tsperf.cache.l3.dir", "tsperf.cache.l3.budget"};

    private final Preferences node;
    private final Lookup lookup;

    public StoredCacheConfiguration() {
        this(ModulePreferences.forModule(StoredCacheConfiguration.class), Lookup.getDefault());
    }

    StoredCacheConfiguration(Preferences node, Lookup lookup) {
        this.node = node;
        this.lookup = lookup;
    }

    @Override
    public CacheConfig defaults() {
        return CacheSettings.defaults();
    }

    @Override
    public synchronized CacheConfig config() {
        CacheConfig d = defaults();
        long l1 = StoredSettings.read(node, L1_BUDGET, d.l1BudgetBytes(),
                v -> "0".equals(v) ? 0 : d.withL1Budget(ByteSizes.parse(v)).l1BudgetBytes());
        Path l2 = StoredSettings.read(node, L2_DIR, d.l2Dir(), v -> d.withL2(Path.of(v), d.l2BudgetBytes()).l2Dir());
        long l2Budget = StoredSettings.read(node, L2_BUDGET, d.l2BudgetBytes(),
                v -> d.withL2(d.l2Dir(), ByteSizes.parse(v)).l2BudgetBytes());
        Path l3 = StoredSettings.read(node, L3_DIR, d.l3Dir(), v -> d.withL3(Path.of(v), d.l3BudgetBytes()).l3Dir());
        long l3Budget = StoredSettings.read(node, L3_BUDGET, d.l3BudgetBytes(),
                v -> d.withL3(d.l3Dir(), ByteSizes.parse(v)).l3BudgetBytes());
        try {
            return new CacheConfig(l1, l2, l2Budget, l3, l3Budget);
        } catch (IllegalArgumentException ex) { // each value usable, together not (L2 and L3 in one folder)
            LOG.log(Level.WARNING, "The stored cache folders are not usable together ({0}); using the default folders",
                    ex.getMessage());
            return new CacheConfig(l1, d.l2Dir(), l2Budget, d.l3Dir(), l3Budget);
        }
    }

    @Override
    public boolean setConfig(CacheConfig config) {
        CacheConfig before;
        Map<String, String> values = new LinkedHashMap<>();
        synchronized (this) { // not while the cache applies it: config() stays quick for the Options panel
            before = config();
            CacheConfig d = defaults();
            values.put(L1_BUDGET, Long.toString(config.l1BudgetBytes()));
            values.put(L2_DIR, config.l2Dir().equals(d.l2Dir()) ? "" : config.l2Dir().toString());
            values.put(L2_BUDGET, Long.toString(config.l2BudgetBytes()));
            values.put(L3_DIR, config.l3Dir().equals(d.l3Dir()) ? "" : config.l3Dir().toString());
            values.put(L3_BUDGET, Long.toString(config.l3BudgetBytes()));
        }
        StoredSettings.save(node, values); // a disk without room throws here: nothing below is applied
        if (config.l1BudgetBytes() != before.l1BudgetBytes() && lookup.lookup(MultiLevelCache.class)
                instanceof CacheProvider p) {
            p.setL1Budget(config.l1BudgetBytes());
        }
        boolean live = config.withL1Budget(before.l1BudgetBytes()).equals(before);
        if (!live) {
            LOG.log(Level.INFO, "The cache''s disk levels change after a restart: {0}", config);
        }
        return live;
    }

    @Override
    public List<String> overriddenBy() {
        List<String> set = new ArrayList<>();
        for (String p : PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null && !v.isBlank()) {
                set.add("-D" + p + "=" + v);
            }
        }
        return set;
    }
}
