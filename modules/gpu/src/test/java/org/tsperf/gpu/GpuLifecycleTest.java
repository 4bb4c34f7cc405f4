package org.tsperf.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.GpuPriority;
import org.tsperf.api.gpu.GpuScheduler;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.gpu.vulkan.VulkanDevice;

/** Disabling the module releases Vulkan and stops the scheduler. */
class GpuLifecycleTest {

    @Test
    void disablingTheModuleClosesVulkanAndStopsTheScheduler() throws Exception {
        GpuScheduler scheduler = Lookup.getDefault().lookup(GpuScheduler.class);
        var frame = TestFrames.frame(32, 18, PixelFormat.RGBA8, 1);
        scheduler.submit(GpuPriority.RENDER, frame, List.of()).get(30, TimeUnit.SECONDS);
        GpuRuntime before = GpuRuntimes.get().runtime();
        VulkanDevice vk = before.vulkan();
        assertTrue(vk != null && !vk.isClosed());
        int open = VulkanDevice.openDevices(); // other tests of this JVM may hold devices of their own
        assertTrue(open >= 1, "the runtime's logical device is counted");

        new GpuLifecycle().uninstalled();

        assertTrue(vk.isClosed(), "the device was closed");
        assertEquals(open - 1, VulkanDevice.openDevices(), "the runtime's logical device was destroyed");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> scheduler.submit(GpuPriority.RENDER, frame, List.of()).get(5, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, e.getCause());
        assertThrows(IllegalStateException.class, () -> GpuRuntimes.get().runtime(),
                "nothing opens Vulkan again behind the module once it went");
        assertTrue(GpuRuntimes.get().isShutDown());
        GpuRuntimes.get().reopenForTests(); // as a module enabled again, with a new registry
        assertNotSame(before, GpuRuntimes.get().runtime(), "a later use starts afresh");
        GpuRuntimes.get().close();
    }
}
