package org.tsperf.monitor;

import org.openide.modules.ModuleInstall;
import org.openide.util.Lookup;
import org.tsperf.api.monitor.ResourceMonitor;

/**
 * Stops the sampler when this module is disabled or uninstalled at runtime (Tools > Plugins) and when the
 * application exits. Starting is lazy: the first listener starts sampling.
 */
public final class MonitorLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        stopSampling();
    }

    @Override
    public void close() {
        stopSampling();
    }

    private static void stopSampling() {
        // creating the service here costs nothing: it reads the system only once started
        for (ResourceMonitor monitor : Lookup.getDefault().lookupAll(ResourceMonitor.class)) {
            if (monitor instanceof OshiResourceMonitor) {
                monitor.stop();
            }
        }
    }
}
