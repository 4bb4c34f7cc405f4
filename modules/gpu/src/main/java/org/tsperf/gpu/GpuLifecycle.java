package org.tsperf.gpu;

import org.openide.modules.ModuleInstall;

/**
 * Releases Vulkan (waits for the queue, frees every buffer and pipeline, saves the pipeline cache) when this module
 * is disabled or uninstalled at runtime and when the application exits. Starting is lazy: the first use opens it.
 */
public final class GpuLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        GpuRuntime.shutdownDefault();
    }

    @Override
    public void close() {
        GpuRuntime.shutdownDefault();
    }
}
