package org.tsperf.proxy;

import org.openide.modules.ModuleInstall;

/** Closes the proxy store indexes when the module is disabled or the application exits. */
public final class ProxyLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        ProxyIndex.closeAll();
    }

    @Override
    public void close() {
        ProxyIndex.closeAll();
    }
}
