package org.tsperf.gpu;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.GpuMetrics;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.gpu.vulkan.VulkanDevice;

/**
 * The monitor's GPU figures: the Vulkan device in use, its memory usage and budget (VK_EXT_memory_budget where the
 * driver has it, else VMA's count of this process's allocations against 80 % of the heap) and the share of time its
 * queue was busy with this application's work since the previous sample. Never blocks: the first call starts Vulkan
 * in the background and reports "starting" until it is open.
 */
@ServiceProvider(service = GpuMetrics.class)
public final class VulkanGpuMetrics implements GpuMetrics {

    static final String NOT_IN_USE = "not in use by this process";
    static final String SWITCHED_OFF = "the GPU module is switched off";
    private static final Logger LOG = Logger.getLogger(VulkanGpuMetrics.class.getName());

    private long lastBusy = -1;
    private long lastTime;

    @Override
    public synchronized GpuUsage sample() {
        GpuRuntimes runtimes = GpuRuntimes.get();
        if (runtimes.isShutDown()) {
            return GpuUsage.notAvailable(SWITCHED_OFF);
        }
        try {
            return sample(runtimes.runtime());
        } catch (IllegalStateException e) { // the module went while this sample ran: its runtime closed under it
            if (!runtimes.isShutDown()) {
                throw e;
            }
            LOG.log(Level.FINE, "GPU sample ended by the module going", e);
            return GpuUsage.notAvailable(SWITCHED_OFF);
        }
    }

    private GpuUsage sample(GpuRuntime runtime) {
        if (!runtime.vulkanReady()) {
            runtime.openInBackground();
            return GpuUsage.notAvailable("starting Vulkan");
        }
        VulkanDevice vk = runtime.vulkan();
        if (vk == null) {
            return GpuUsage.notAvailable("CPU fallback: " + runtime.vulkanProblem());
        }
        long[] memory = vk.memoryBudget();
        long now = System.nanoTime();
        long busy = vk.busyNanos();
        double utilisation = 0;
        if (lastBusy >= 0 && now > lastTime) {
            utilisation = Math.max(0, Math.min(100, 100.0 * (busy - lastBusy) / (now - lastTime)));
        }
        lastBusy = busy;
        lastTime = now;
        return GpuUsage.of(vk.deviceName(), Math.max(0, memory[0]), Math.max(0, memory[1]), utilisation);
    }

    /** Opening a Vulkan device costs a second of CPU on a software driver: not for a figure that is zero anyway. */
    @Override
    public GpuUsage sampleIfInUse() {
        if (GpuRuntimes.get().isShutDown()) {
            return GpuUsage.notAvailable(SWITCHED_OFF);
        }
        if (!GpuRuntimes.get().runtime().vulkanRequested()) {
            return GpuUsage.notAvailable(NOT_IN_USE);
        }
        return sample();
    }
}
