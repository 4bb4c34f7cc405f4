package org.tsperf.gpu.vulkan;

import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.EXTDebugUtils.*;
import static org.lwjgl.vulkan.VK11.*;


import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkQueueFamilyProperties;
import org.tsperf.api.gpu.GpuDeviceInfo;

/**
 * The physical devices the driver lists and the choice among them: Vulkan 1.1 with a compute queue, then discrete
 * &gt; integrated &gt; virtual &gt; CPU, unless the user named one ({@code -Dtsperf.gpu.device} or the GPU Scheduler
 * window's choice).
 */
final class PhysicalDevices {

    private PhysicalDevices() {
    }

    /**
     * The chosen device and what was listed.
     *
     * @param device     the chosen device
     * @param properties its properties (valid while the stack frame lives)
     * @param devices    every listed device, the chosen one marked
     * @param index      the chosen one's index in {@code devices}
     * @param named      whether it is the one the user named
     */
    record Choice(VkPhysicalDevice device, VkPhysicalDeviceProperties properties, List<GpuDeviceInfo> devices,
            int index, boolean named) {
    }

    /** Lists the devices and chooses one; fails when none can run the compute shaders. */
    static Choice choose(VkInstance instance, String deviceOverride, MemoryStack stack)
            throws VulkanUnavailableException {
        IntBuffer count = stack.mallocInt(1);
        VulkanDevice.check(vkEnumeratePhysicalDevices(instance, count, null), "vkEnumeratePhysicalDevices");
        if (count.get(0) == 0) {
            throw new VulkanUnavailableException("the Vulkan loader found no device; install a driver "
                    + "(apt-get install mesa-vulkan-drivers for a CPU device, or your GPU's driver)");
        }
        PointerBuffer handles = stack.mallocPointer(count.get(0));
        VulkanDevice.check(vkEnumeratePhysicalDevices(instance, count, handles), "vkEnumeratePhysicalDevices");
        VkPhysicalDevice best = null;
        int bestRank = Integer.MAX_VALUE;
        int bestIndex = -1;
        List<VkPhysicalDevice> all = new ArrayList<>();
        List<VkPhysicalDeviceProperties> props = new ArrayList<>();
        for (int i = 0; i < count.get(0); i++) {
            VkPhysicalDevice pd = new VkPhysicalDevice(handles.get(i), instance);
            VkPhysicalDeviceProperties p = VkPhysicalDeviceProperties.malloc(stack);
            vkGetPhysicalDeviceProperties(pd, p);
            all.add(pd);
            props.add(p);
            if (computeFamily(pd, stack) < 0 || VK_API_VERSION_MINOR(p.apiVersion()) < 1
                    && VK_API_VERSION_MAJOR(p.apiVersion()) == 1) {
                continue;
            }
            int rank = rank(p.deviceType());
            if (!deviceOverride.isBlank() && p.deviceNameString().toLowerCase(Locale.ROOT)
                    .contains(deviceOverride.toLowerCase(Locale.ROOT))) {
                rank = -1;
            }
            if (rank < bestRank) {
                best = pd;
                bestRank = rank;
                bestIndex = i;
            }
        }
        if (best == null) {
            throw new VulkanUnavailableException("no Vulkan 1.1 device with a compute queue");
        }
        List<GpuDeviceInfo> infos = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            infos.add(describe(all.get(i), props.get(i), i == bestIndex, stack));
        }
        return new Choice(best, props.get(bestIndex), List.copyOf(infos), bestIndex, bestRank == -1);
    }

    static GpuDeviceInfo describe(VkPhysicalDevice pd, VkPhysicalDeviceProperties p, boolean chosen,
            MemoryStack stack) {
        VkPhysicalDeviceMemoryProperties mp = VkPhysicalDeviceMemoryProperties.malloc(stack);
        vkGetPhysicalDeviceMemoryProperties(pd, mp);
        long local = 0;
        for (int i = 0; i < mp.memoryHeapCount(); i++) {
            if ((mp.memoryHeaps(i).flags() & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) != 0) {
                local = Math.max(local, mp.memoryHeaps(i).size());
            }
        }
        int v = p.apiVersion();
        return new GpuDeviceInfo(p.deviceNameString(), typeName(p.deviceType()),
                VK_API_VERSION_MAJOR(v) + "." + VK_API_VERSION_MINOR(v) + "." + VK_API_VERSION_PATCH(v),
                p.driverVersion() & 0xFFFFFFFFL, p.vendorID(), p.deviceID(), local,
                p.limits().maxComputeWorkGroupInvocations(), p.limits().maxStorageBufferRange() & 0xFFFFFFFFL, chosen);
    }

    static int rank(int type) {
        return switch (type) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU -> 0;
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU -> 1;
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU -> 2;
            case VK_PHYSICAL_DEVICE_TYPE_CPU -> 3;
            default -> 4;
        };
    }

    static String typeName(int type) {
        return switch (type) {
            case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU -> "discrete";
            case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU -> "integrated";
            case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU -> "virtual";
            case VK_PHYSICAL_DEVICE_TYPE_CPU -> "cpu";
            default -> "other";
        };
    }

    static int computeFamily(VkPhysicalDevice pd, MemoryStack stack) {
        IntBuffer n = stack.mallocInt(1);
        vkGetPhysicalDeviceQueueFamilyProperties(pd, n, null);
        VkQueueFamilyProperties.Buffer families = VkQueueFamilyProperties.malloc(n.get(0), stack);
        vkGetPhysicalDeviceQueueFamilyProperties(pd, n, families);
        int fallback = -1;
        for (int i = 0; i < n.get(0); i++) {
            int flags = families.get(i).queueFlags();
            if ((flags & VK_QUEUE_COMPUTE_BIT) != 0) {
                if ((flags & VK_QUEUE_GRAPHICS_BIT) == 0) {
                    return i; // a dedicated compute family
                }
                if (fallback < 0) {
                    fallback = i;
                }
            }
        }
        return fallback;
    }

    static boolean isUnified(VkPhysicalDevice pd, MemoryStack stack) {
        VkPhysicalDeviceMemoryProperties mp = VkPhysicalDeviceMemoryProperties.malloc(stack);
        vkGetPhysicalDeviceMemoryProperties(pd, mp);
        int hostCoherent = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
        boolean any = false;
        for (int i = 0; i < mp.memoryTypeCount(); i++) {
            int flags = mp.memoryTypes(i).propertyFlags();
            if ((flags & VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT) != 0) {
                if ((flags & hostCoherent) != hostCoherent) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    static boolean hasDeviceExtension(VkPhysicalDevice pd, String name, MemoryStack stack) {
        IntBuffer n = stack.mallocInt(1);
        vkEnumerateDeviceExtensionProperties(pd, (ByteBuffer) null, n, null);
        // on the heap: a discrete GPU lists 200+ extensions of 260 bytes, more than LWJGL's 64 KiB thread stack
        VkExtensionProperties.Buffer ext = VkExtensionProperties.malloc(n.get(0));
        try {
            vkEnumerateDeviceExtensionProperties(pd, (ByteBuffer) null, n, ext);
            for (int i = 0; i < n.get(0); i++) {
                if (ext.get(i).extensionNameString().equals(name)) {
                    return true;
                }
            }
            return false;
        } finally {
            ext.free();
        }
    }
}
