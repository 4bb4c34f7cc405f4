package org.tsperf.gpu;

import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.GpuInfo;
import org.tsperf.api.gpu.GpuInformation;
import org.tsperf.gpu.vulkan.VulkanDevice;

/**
 * Devices, limits, the chosen path and the pipeline cache, from the module's runtime. {@link #close()} releases the
 * runtime at once, on the calling thread: one-shot callers (the command line) use it to destroy every Vulkan object
 * before the JVM exits, instead of leaving it to a shutdown hook.
 */
@ServiceProvider(service = GpuInformation.class)
public final class GpuInformationService implements GpuInformation, AutoCloseable {

    @Override
    public GpuInfo info() {
        GpuRuntime runtime = GpuRuntimes.get().runtime();
        VulkanDevice vk = runtime.vulkan();
        if (vk == null) {
            return new GpuInfo(false, runtime.vulkanProblem(), List.of(), runtime.status(), "");
        }
        return new GpuInfo(true, "", vk.devices(), runtime.status(), vk.pipelineCacheState());
    }

    /** Releases the module's runtime (Vulkan objects destroyed in order, pipeline cache saved); a later use reopens it. */
    @Override
    public void close() {
        GpuRuntimes.get().close();
    }
}
