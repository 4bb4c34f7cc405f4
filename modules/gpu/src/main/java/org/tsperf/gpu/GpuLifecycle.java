package org.tsperf.gpu;

import org.openide.modules.ModuleInstall;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.GpuScheduler;

/**
 * Releases Vulkan (waits for the queue, frees every buffer and pipeline, saves the pipeline cache) when this module
 * is disabled or uninstalled at runtime and when the application exits. Starting is lazy: the first use opens it.
 */
public final class GpuLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        release();
    }

    @Override
    public void close() {
        release();
    }

    static void release() {
        for (GpuScheduler s : Lookup.getDefault().lookupAll(GpuScheduler.class)) {
            if (s instanceof PriorityGpuScheduler scheduler) {
                scheduler.shutdown();
            }
        }
        GpuRuntimes.get().shutDown();
    }
}
