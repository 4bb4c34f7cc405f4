package org.tsperf.cache;

import org.openide.modules.ModuleInstall;
import org.openide.util.Lookup;
import org.tsperf.api.cache.MultiLevelCache;

/** Closes the cache's disk stores when the module is disabled or the application exits (their file locks go too). */
public final class CacheLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        closeCache();
    }

    @Override
    public void close() {
        closeCache();
    }

    private static void closeCache() {
        for (MultiLevelCache c : Lookup.getDefault().lookupAll(MultiLevelCache.class)) {
            if (c instanceof CacheProvider provider) {
                provider.close();
            }
        }
    }
}
