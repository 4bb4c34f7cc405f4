package org.tsperf.proxy;

import org.openide.modules.ModuleInstall;

/**
 * Closes the module's state (the store indexes) for good when the module is disabled or uninstalled or the
 * application exits: a window still sampling until the module's windows close cannot open an index again.
 */
public final class ProxyLifecycle extends ModuleInstall {

    @Override
    public void restored() {
        // the configured number of parallel proxy jobs; the tasks module is a dependency, so its service is there.
        // Off the start-up thread: looking it up starts the task system.
        org.openide.util.RequestProcessor.getDefault().post(() -> StoredProxyConfiguration.applyWorkers(
                ProxyConfigStore.load(DefaultProxyService.defaultStore())));
    }

    @Override
    public void uninstalled() {
        closeEngine();
    }

    @Override
    public void close() {
        closeEngine();
    }

    private static void closeEngine() {
        ProxyEngine engine = org.openide.util.Lookup.getDefault().lookup(ProxyEngine.class);
        if (engine != null) {
            engine.shutDown();
        }
    }
}
