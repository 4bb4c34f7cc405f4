package org.tsperf.proxy;

import org.openide.modules.ModuleInstall;

/** Closes the proxy store indexes when the module is disabled or the application exits. */
public final class ProxyLifecycle extends ModuleInstall {

    @Override
    public void restored() {
        // the configured number of parallel proxy jobs, once the task system is there (it may load later)
        org.openide.util.RequestProcessor.getDefault().post(() -> DefaultProxyService.applyWorkers(
                ProxyConfigStore.load(DefaultProxyService.defaultStore())), 2000);
    }

    @Override
    public void uninstalled() {
        ProxyIndex.closeAll();
    }

    @Override
    public void close() {
        ProxyIndex.closeAll();
    }
}
