package org.tsperf.gpu.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.EXTDebugUtils.*;
import static org.lwjgl.vulkan.VK11.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.vma.VmaAllocatorCreateInfo;
import org.lwjgl.util.vma.VmaBudget;
import org.lwjgl.util.vma.VmaVulkanFunctions;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackDataEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCreateInfoEXT;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkLayerProperties;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkQueue;
import org.tsperf.api.gpu.GpuDeviceInfo;

/**
 * One Vulkan instance and logical device for compute: the device {@link PhysicalDevices chosen} (discrete >
 * integrated > virtual > CPU, or the user's), the VMA allocator, the {@link ComputePipelines compute pipelines} of
 * every shader, and a clean shutdown. Thread-safe;
 * queue submissions are serialised by {@link #submitLock()}.
 */
public final class VulkanDevice implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VulkanDevice.class.getName());
    private static final String VALIDATION_LAYER = "VK_LAYER_KHRONOS_validation";
    static final int PUSH_CONSTANT_BYTES = 64;
    /** Logical devices created and not yet destroyed in this process (by this module's classes). */
    private static final AtomicInteger OPEN = new AtomicInteger();

    /** The compute shaders, by the name of their SPIR-V resource {@code org/tsperf/shaders/NAME.spv}. */
    public enum Shader {
        YUV_TO_RGBA("yuv_to_rgba"), SCALE("scale"), COLOUR_ADJUST("colour_adjust"), BLUR_H("blur_h"),
        BLUR_V("blur_v"), CROSSFADE("crossfade");

        final String resource;

        Shader(String name) {
            this.resource = "/org/tsperf/shaders/" + name + ".spv";
        }
    }

    private final VkInstance instance;
    private final long debugMessenger;
    private final VkDebugUtilsMessengerCallbackEXT debugCallback;
    private final List<GpuDeviceInfo> devices;
    private final VkPhysicalDevice physicalDevice;
    private final VkDevice device;
    private final VkQueue queue;
    private final int queueFamily;
    private final long allocator;
    private final String deviceName;
    private final long minStorageOffsetAlignment;
    private final long maxStorageBufferRange;
    private final boolean memoryBudgetExtension;
    private final boolean unifiedMemory;
    private final ComputePipelines pipelines;
    private final Object submitLock = new Object();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong submits = new AtomicLong();
    private final List<String> validationMessages = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> dependents = new CopyOnWriteArrayList<>();
    private boolean closed;

    private VulkanDevice(VulkanOptions options) throws VulkanUnavailableException {
        try (MemoryStack stack = stackPush()) {
            boolean validation = options.validation() && hasLayer(stack, VALIDATION_LAYER);
            if (options.validation() && !validation) {
                LOG.info("Vulkan validation requested but " + VALIDATION_LAYER
                        + " is not installed (apt-get install vulkan-validationlayers)");
            }
            instance = createInstance(validation, stack);
            if (validation) {
                debugCallback = VkDebugUtilsMessengerCallbackEXT.create(this::onValidationMessage);
                debugMessenger = createMessenger(instance, debugCallback, stack);
            } else {
                debugCallback = null;
                debugMessenger = VK_NULL_HANDLE;
            }

            // devices: list all, choose by type rank (or the user's name), need a compute queue and Vulkan 1.1
            PhysicalDevices.Choice choice;
            try {
                choice = PhysicalDevices.choose(instance, options.deviceOverride(), stack);
            } catch (VulkanUnavailableException | RuntimeException e) {
                destroyInstance();
                throw e;
            }
            if (!options.deviceOverride().isBlank() && !choice.named()) {
                LOG.warning("no Vulkan device named like '" + options.deviceOverride() + "'; using "
                        + choice.properties().deviceNameString());
            }
            VkPhysicalDevice best = choice.device();
            devices = choice.devices();
            physicalDevice = best;
            VkPhysicalDeviceProperties chosen = choice.properties();
            deviceName = chosen.deviceNameString();
            minStorageOffsetAlignment = Math.max(16, chosen.limits().minStorageBufferOffsetAlignment());
            maxStorageBufferRange = chosen.limits().maxStorageBufferRange() & 0xFFFFFFFFL;
            queueFamily = PhysicalDevices.computeFamily(best, stack);
            memoryBudgetExtension = PhysicalDevices.hasDeviceExtension(best, "VK_EXT_memory_budget", stack);
            unifiedMemory = PhysicalDevices.isUnified(best, stack);

            PointerBuffer pp = stack.mallocPointer(1);
            VkDeviceQueueCreateInfo.Buffer qci = VkDeviceQueueCreateInfo.calloc(1, stack);
            qci.get(0).sType$Default().queueFamilyIndex(queueFamily).pQueuePriorities(stack.floats(1.0f));
            VkDeviceCreateInfo dci = VkDeviceCreateInfo.calloc(stack).sType$Default().pQueueCreateInfos(qci);
            if (memoryBudgetExtension) {
                dci.ppEnabledExtensionNames(stack.pointers(stack.UTF8("VK_EXT_memory_budget")));
            }
            check(vkCreateDevice(best, dci, null, pp), "vkCreateDevice");
            device = new VkDevice(pp.get(0), best, dci, VK_API_VERSION_1_1);
            vkGetDeviceQueue(device, queueFamily, 0, pp);
            queue = new VkQueue(pp.get(0), device);

            VmaVulkanFunctions functions = VmaVulkanFunctions.calloc(stack).set(instance, device);
            VmaAllocatorCreateInfo aci = VmaAllocatorCreateInfo.calloc(stack)
                    .flags(memoryBudgetExtension ? VMA_ALLOCATOR_CREATE_EXT_MEMORY_BUDGET_BIT : 0)
                    .physicalDevice(best).device(device).instance(instance).vulkanApiVersion(VK_API_VERSION_1_1)
                    .pVulkanFunctions(functions);
            check(vmaCreateAllocator(aci, pp), "vmaCreateAllocator");
            allocator = pp.get(0);

            Path cacheFile = options.cacheDirectory().resolve("pipelines-"
                    + String.format(Locale.ROOT, "%04x-%04x-%08x-", chosen.vendorID(), chosen.deviceID(),
                            chosen.driverVersion())
                    + HexFormat.of().formatHex(bytes(chosen.pipelineCacheUUID())) + ".bin");
            pipelines = new ComputePipelines(device, cacheFile, stack);
            LOG.info("Vulkan device: " + deviceName + " (" + devices.get(choice.index()).type() + "), pipeline cache "
                    + pipelines.state() + (validation ? ", validation on" : ""));
        }
        OPEN.incrementAndGet();
    }

    /**
     * How many Vulkan logical devices this module holds open now: 0 once its runtime is closed (the module disabled or
     * uninstalled, the command ended). For tests and diagnostics; any thread.
     */
    public static int openDevices() {
        return OPEN.get();
    }

    private static VkInstance createInstance(boolean validation, MemoryStack stack) {
        VkApplicationInfo app = VkApplicationInfo.calloc(stack).sType$Default()
                .pApplicationName(stack.UTF8("Timeline Studio Performance")).applicationVersion(1)
                .pEngineName(stack.UTF8("tsperf")).engineVersion(1).apiVersion(VK_API_VERSION_1_1);
        VkInstanceCreateInfo ici = VkInstanceCreateInfo.calloc(stack).sType$Default().pApplicationInfo(app);
        if (validation) {
            ici.ppEnabledLayerNames(stack.pointers(stack.UTF8(VALIDATION_LAYER)));
            ici.ppEnabledExtensionNames(stack.pointers(stack.UTF8(VK_EXT_DEBUG_UTILS_EXTENSION_NAME)));
        }
        PointerBuffer pp = stack.mallocPointer(1);
        check(vkCreateInstance(ici, null, pp), "vkCreateInstance");
        return new VkInstance(pp.get(0), ici);
    }

    /** The validation layer's callback: warnings and errors are kept and logged. */
    private int onValidationMessage(int severity, int types, long data, long user) {
        String message = VkDebugUtilsMessengerCallbackDataEXT.create(data).pMessageString();
        if ((severity & (VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT
                | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)) != 0) {
            validationMessages.add(message);
            LOG.warning("Vulkan validation: " + message);
        }
        return VK_FALSE;
    }

    private static long createMessenger(VkInstance instance, VkDebugUtilsMessengerCallbackEXT callback,
            MemoryStack stack) {
        VkDebugUtilsMessengerCreateInfoEXT dci = VkDebugUtilsMessengerCreateInfoEXT.calloc(stack).sType$Default()
                .messageSeverity(VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)
                .messageType(VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
                        | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT)
                .pfnUserCallback(callback);
        LongBuffer lp = stack.mallocLong(1);
        check(vkCreateDebugUtilsMessengerEXT(instance, dci, null, lp), "vkCreateDebugUtilsMessengerEXT");
        return lp.get(0);
    }

    /** Opens Vulkan as the options say; fails with the reason (no driver, disabled, no device). */
    public static VulkanDevice open(VulkanOptions options) throws VulkanUnavailableException {
        if (!options.enabled()) {
            throw new VulkanUnavailableException("Vulkan disabled by -Dtsperf.gpu.vulkan=false");
        }
        nativesInto(options.cacheDirectory().resolve("lwjgl-natives"));
        try {
            org.lwjgl.vulkan.VK.getFunctionProvider();
        } catch (Throwable t) { // UnsatisfiedLinkError, ExceptionInInitializerError, IllegalStateException
            throw new VulkanUnavailableException("no Vulkan loader (libvulkan.so.1): " + t.getMessage()
                    + "; install libvulkan1 and a driver (mesa-vulkan-drivers, or your GPU's)", t);
        }
        try {
            return new VulkanDevice(options);
        } catch (VulkanException e) {
            throw new VulkanUnavailableException("Vulkan failed to start: " + e.getMessage(), e);
        }
    }

    /**
     * Where LWJGL extracts its natives (liblwjgl.so, liblwjgl_vma.so) from the module's jars, unless the user set
     * {@code -Dorg.lwjgl.system.SharedLibraryExtractPath}: a folder of this application's cache, never the working
     * directory (LWJGL's last fallback).
     */
    private static void nativesInto(Path dir) {
        if (System.getProperty("org.lwjgl.system.SharedLibraryExtractPath") == null
                && org.lwjgl.system.Configuration.SHARED_LIBRARY_EXTRACT_PATH.get() == null) {
            try {
                Files.createDirectories(dir);
                org.lwjgl.system.Configuration.SHARED_LIBRARY_EXTRACT_PATH.set(dir.toAbsolutePath().toString());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot create " + dir + " for LWJGL's natives; LWJGL picks a folder itself", e);
            }
        }
    }

    /** Every device the driver lists (chosen or not), without keeping Vulkan open. */
    public List<GpuDeviceInfo> devices() {
        return devices;
    }

    public String deviceName() {
        return deviceName;
    }

    public String deviceType() {
        return devices.stream().filter(GpuDeviceInfo::chosen).map(GpuDeviceInfo::type).findFirst().orElse("other");
    }

    VkDevice device() {
        return device;
    }

    VkQueue queue() {
        return queue;
    }

    int queueFamily() {
        return queueFamily;
    }

    long allocator() {
        return allocator;
    }

    long descriptorSetLayout() {
        return pipelines.descriptorSetLayout();
    }

    long pipelineLayout() {
        return pipelines.pipelineLayout();
    }

    long pipeline(Shader s) {
        return pipelines.pipeline(s);
    }

    long storageOffsetAlignment() {
        return minStorageOffsetAlignment;
    }

    public long maxStorageBufferRange() {
        return maxStorageBufferRange;
    }

    Object submitLock() {
        return submitLock;
    }

    void addBusy(long nanos) {
        busyNanos.addAndGet(nanos);
    }

    void countSubmit() {
        submits.incrementAndGet();
    }

    /** Command buffers submitted to the queue so far (one per chain, or one per batch of small chains). */
    public long submitCount() {
        return submits.get();
    }

    /** Total nanoseconds the queue has been busy with this device's submissions. */
    public long busyNanos() {
        return busyNanos.get();
    }

    /** Warnings and errors of the validation layer so far (empty when it is off or quiet). */
    public List<String> validationMessages() {
        return List.copyOf(validationMessages);
    }

    public String pipelineCacheState() {
        return pipelines.state();
    }

    public Path pipelineCacheFile() {
        return pipelines.cacheFile();
    }

    /** Whether the pipeline cache was read from disk at start. */
    public boolean pipelineCacheLoaded() {
        return pipelines.loaded();
    }

    /** Whether every device-local memory type is also host-visible and coherent (integrated GPUs, CPU drivers). */
    public boolean unifiedMemory() {
        return unifiedMemory;
    }

    public boolean memoryBudgetExtension() {
        return memoryBudgetExtension;
    }

    /** {usage, budget} in bytes over the device-local heaps (VK_EXT_memory_budget where present, else VMA's estimate). */
    public long[] memoryBudget() {
        try (MemoryStack stack = stackPush()) {
            VkPhysicalDeviceMemoryProperties mp = VkPhysicalDeviceMemoryProperties.malloc(stack);
            vkGetPhysicalDeviceMemoryProperties(physicalDevice, mp);
            VmaBudget.Buffer budgets = VmaBudget.calloc(VK_MAX_MEMORY_HEAPS, stack);
            synchronized (this) {
                if (closed) {
                    return new long[] {0, 0};
                }
                vmaGetHeapBudgets(allocator, budgets);
            }
            long usage = 0, budget = 0;
            for (int i = 0; i < mp.memoryHeapCount(); i++) {
                if ((mp.memoryHeaps(i).flags() & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) != 0) {
                    usage += budgets.get(i).usage();
                    budget += budgets.get(i).budget();
                }
            }
            return new long[] {usage, budget};
        }
    }

    /** Registers something to close (before the device) at shutdown. */
    void register(AutoCloseable dependent) {
        dependents.add(dependent);
    }

    void unregister(AutoCloseable dependent) {
        dependents.remove(dependent);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Waits for the queue, frees every resource, saves the pipeline cache. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        synchronized (submitLock) {
            vkDeviceWaitIdle(device);
        }
        for (AutoCloseable d : List.copyOf(dependents)) {
            try {
                d.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing a Vulkan context failed", e);
            }
        }
        pipelines.close(); // saves the pipeline cache
        vmaDestroyAllocator(allocator);
        vkDestroyDevice(device, null);
        destroyInstance();
        OPEN.decrementAndGet();
        LOG.info("Vulkan device closed: " + deviceName);
    }

    private void destroyInstance() {
        if (debugMessenger != VK_NULL_HANDLE) {
            vkDestroyDebugUtilsMessengerEXT(instance, debugMessenger, null);
        }
        if (debugCallback != null) {
            debugCallback.free();
        }
        vkDestroyInstance(instance, null);
    }

    private static boolean hasLayer(MemoryStack stack, String name) {
        IntBuffer n = stack.mallocInt(1);
        if (vkEnumerateInstanceLayerProperties(n, null) != VK_SUCCESS) {
            return false;
        }
        VkLayerProperties.Buffer layers = VkLayerProperties.malloc(n.get(0), stack);
        vkEnumerateInstanceLayerProperties(n, layers);
        for (int i = 0; i < n.get(0); i++) {
            if (layers.get(i).layerNameString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the validation layer is installed on this machine. */
    public static boolean validationLayerInstalled() {
        try (MemoryStack stack = stackPush()) {
            return hasLayer(stack, VALIDATION_LAYER);
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    static void check(int result, String what) {
        if (result != VK_SUCCESS) {
            throw new VulkanException(what + " failed: VkResult " + result);
        }
    }
}
