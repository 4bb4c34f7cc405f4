package org.tsperf.memory;

import org.openide.modules.ModuleInstall;
import org.openide.util.Lookup;
import org.tsperf.api.memory.MemoryManager;

/**
 * Stops the memory pressure thread when this module is disabled or uninstalled at runtime (Tools > Plugins) and when
 * the application exits. Starting is lazy: the first use of the memory manager starts it.
 */
public final class MemoryLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        stop();
    }

    @Override
    public void close() {
        stop();
    }

    static void stop() {
        for (MemoryManager m : Lookup.getDefault().lookupAll(MemoryManager.class)) {
            if (m instanceof MemoryProvider provider) {
                provider.close();
            }
        }
    }
}
