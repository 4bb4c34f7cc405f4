package org.tsperf.gpu.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.EXTDebugUtils.*;
import static org.lwjgl.vulkan.VK11.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.util.vma.VmaAllocatorCreateInfo;
import org.lwjgl.util.vma.VmaBudget;
import org.lwjgl.util.vma.VmaVulkanFunctions;
import org.lwjgl.vulkan.VkApplicationInfo;
import org.lwjgl.vulkan.VkComputePipelineCreateInfo;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackDataEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCallbackEXT;
import org.lwjgl.vulkan.VkDebugUtilsMessengerCreateInfoEXT;
import org.lwjgl.vulkan.VkDescriptorSetLayoutBinding;
import org.lwjgl.vulkan.VkDescriptorSetLayoutCreateInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkDeviceCreateInfo;
import org.lwjgl.vulkan.VkDeviceQueueCreateInfo;
import org.lwjgl.vulkan.VkExtensionProperties;
import org.lwjgl.vulkan.VkInstance;
import org.lwjgl.vulkan.VkInstanceCreateInfo;
import org.lwjgl.vulkan.VkLayerProperties;
import org.lwjgl.vulkan.VkPhysicalDevice;
import org.lwjgl.vulkan.VkPhysicalDeviceMemoryProperties;
import org.lwjgl.vulkan.VkPhysicalDeviceProperties;
import org.lwjgl.vulkan.VkPipelineCacheCreateInfo;
import org.lwjgl.vulkan.VkPipelineLayoutCreateInfo;
import org.lwjgl.vulkan.VkPushConstantRange;
import org.lwjgl.vulkan.VkQueue;
import org.lwjgl.vulkan.VkQueueFamilyProperties;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;
import org.tsperf.api.gpu.GpuDeviceInfo;

/**
 * One Vulkan instance and logical device for compute: device choice (discrete > integrated > virtual > CPU, or the
 * user's), the VMA allocator, the compute pipelines of every shader (one shared layout: three storage buffers and 64
 * bytes of push constants) built through a pipeline cache that is saved on disk, and a clean shutdown. Thread-safe;
 * queue submissions are serialised by {@link #submitLock()}.
 */
public final class VulkanDevice implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VulkanDevice.class.getName());
    private static final String VALIDATION_LAYER = "VK_LAYER_KHRONOS_validation";
    static final int PUSH_CONSTANT_BYTES = 64;

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
    private final Path pipelineCacheFile;
    private final long pipelineCache;
    private volatile String pipelineCacheState;
    private final long descriptorSetLayout;
    private final long pipelineLayout;
    private final Map<Shader, Long> pipelines = new EnumMap<>(Shader.class);
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
            instance = new VkInstance(pp.get(0), ici);
            if (validation) {
                debugCallback = VkDebugUtilsMessengerCallbackEXT.create((severity, types, data, user) -> {
                    String message = VkDebugUtilsMessengerCallbackDataEXT.create(data).pMessageString();
                    if ((severity & (VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT
                            | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)) != 0) {
                        validationMessages.add(message);
                        LOG.warning("Vulkan validation: " + message);
                    }
                    return VK_FALSE;
                });
                VkDebugUtilsMessengerCreateInfoEXT dci = VkDebugUtilsMessengerCreateInfoEXT.calloc(stack).sType$Default()
                        .messageSeverity(VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT
                                | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)
                        .messageType(VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT
                                | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
                                | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT)
                        .pfnUserCallback(debugCallback);
                LongBuffer lp = stack.mallocLong(1);
                check(vkCreateDebugUtilsMessengerEXT(instance, dci, null, lp), "vkCreateDebugUtilsMessengerEXT");
                debugMessenger = lp.get(0);
            } else {
                debugCallback = null;
                debugMessenger = VK_NULL_HANDLE;
            }

            // devices: list all, choose by type rank (or the user's name), need a compute queue and Vulkan 1.1
            IntBuffer count = stack.mallocInt(1);
            check(vkEnumeratePhysicalDevices(instance, count, null), "vkEnumeratePhysicalDevices");
            if (count.get(0) == 0) {
                destroyInstance();
                throw new VulkanUnavailableException("the Vulkan loader found no device; install a driver "
                        + "(apt-get install mesa-vulkan-drivers for a CPU device, or your GPU's driver)");
            }
            PointerBuffer handles = stack.mallocPointer(count.get(0));
            check(vkEnumeratePhysicalDevices(instance, count, handles), "vkEnumeratePhysicalDevices");
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
                if (!options.deviceOverride().isBlank() && p.deviceNameString().toLowerCase(Locale.ROOT)
                        .contains(options.deviceOverride().toLowerCase(Locale.ROOT))) {
                    rank = -1;
                }
                if (rank < bestRank) {
                    best = pd;
                    bestRank = rank;
                    bestIndex = i;
                }
            }
            if (best == null) {
                destroyInstance();
                throw new VulkanUnavailableException("no Vulkan 1.1 device with a compute queue");
            }
            if (!options.deviceOverride().isBlank() && bestRank != -1) {
                LOG.warning("no Vulkan device named like '" + options.deviceOverride() + "'; using "
                        + props.get(bestIndex).deviceNameString());
            }
            List<GpuDeviceInfo> infos = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                infos.add(describe(all.get(i), props.get(i), i == bestIndex, stack));
            }
            devices = List.copyOf(infos);
            physicalDevice = best;
            VkPhysicalDeviceProperties chosen = props.get(bestIndex);
            deviceName = chosen.deviceNameString();
            minStorageOffsetAlignment = Math.max(16, chosen.limits().minStorageBufferOffsetAlignment());
            maxStorageBufferRange = chosen.limits().maxStorageBufferRange() & 0xFFFFFFFFL;
            queueFamily = computeFamily(best, stack);
            memoryBudgetExtension = hasDeviceExtension(best, "VK_EXT_memory_budget", stack);
            unifiedMemory = isUnified(best, stack);

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

            pipelineCacheFile = options.cacheDirectory().resolve("pipelines-"
                    + String.format(Locale.ROOT, "%04x-%04x-%08x-", chosen.vendorID(), chosen.deviceID(),
                            chosen.driverVersion())
                    + HexFormat.of().formatHex(bytes(chosen.pipelineCacheUUID())) + ".bin");
            pipelineCache = createPipelineCache(stack);
            descriptorSetLayout = createDescriptorSetLayout(stack);
            pipelineLayout = createPipelineLayout(stack);
            createPipelines(stack);
            LOG.info("Vulkan device: " + deviceName + " (" + infos.get(bestIndex).type() + "), pipeline cache "
                    + pipelineCacheState + (validation ? ", validation on" : ""));
        }
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
        return descriptorSetLayout;
    }

    long pipelineLayout() {
        return pipelineLayout;
    }

    long pipeline(Shader s) {
        return pipelines.get(s);
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
        return pipelineCacheFile + " (" + pipelineCacheState + ")";
    }

    public Path pipelineCacheFile() {
        return pipelineCacheFile;
    }

    /** Whether every device-local memory type is also host-visible and coherent (integrated GPUs, CPU drivers). */
    public boolean unifiedMemory() {
        return unifiedMemory;
    }

    private static boolean isUnified(VkPhysicalDevice pd, MemoryStack stack) {
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
        savePipelineCache();
        for (long p : pipelines.values()) {
            vkDestroyPipeline(device, p, null);
        }
        vkDestroyPipelineLayout(device, pipelineLayout, null);
        vkDestroyDescriptorSetLayout(device, descriptorSetLayout, null);
        vkDestroyPipelineCache(device, pipelineCache, null);
        vmaDestroyAllocator(allocator);
        vkDestroyDevice(device, null);
        destroyInstance();
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

    private void savePipelineCache() {
        try (MemoryStack stack = stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            check(vkGetPipelineCacheData(device, pipelineCache, size, null), "vkGetPipelineCacheData");
            ByteBuffer data = MemoryUtil.memAlloc((int) size.get(0));
            try {
                check(vkGetPipelineCacheData(device, pipelineCache, size, data), "vkGetPipelineCacheData");
                byte[] bytes = new byte[(int) size.get(0)];
                data.get(0, bytes);
                Files.createDirectories(pipelineCacheFile.getParent());
                Path tmp = pipelineCacheFile.resolveSibling(pipelineCacheFile.getFileName() + ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, pipelineCacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                pipelineCacheState = "saved " + bytes.length + " bytes";
            } finally {
                MemoryUtil.memFree(data);
            }
        } catch (IOException | VulkanException e) {
            LOG.log(Level.WARNING, "could not save the Vulkan pipeline cache to " + pipelineCacheFile
                    + "; the next start compiles the shaders again", e);
        }
    }

    private long createPipelineCache(MemoryStack stack) {
        byte[] initial = new byte[0];
        if (Files.isRegularFile(pipelineCacheFile)) {
            try {
                initial = Files.readAllBytes(pipelineCacheFile);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not read the pipeline cache " + pipelineCacheFile + "; starting empty", e);
            }
        }
        ByteBuffer data = MemoryUtil.memAlloc(Math.max(1, initial.length));
        try {
            data.put(0, initial);
            VkPipelineCacheCreateInfo ci = VkPipelineCacheCreateInfo.calloc(stack).sType$Default();
            if (initial.length > 0) {
                ci.pInitialData(data.limit(initial.length));
            }
            LongBuffer lp = stack.mallocLong(1);
            int r = vkCreatePipelineCache(device, ci, null, lp);
            if (r != VK_SUCCESS && initial.length > 0) {
                LOG.warning("the pipeline cache " + pipelineCacheFile + " was refused (" + r + "); starting empty");
                initial = new byte[0];
                r = vkCreatePipelineCache(device, VkPipelineCacheCreateInfo.calloc(stack).sType$Default(), null, lp);
            }
            check(r, "vkCreatePipelineCache");
            pipelineCacheState = initial.length > 0 ? "loaded " + initial.length + " bytes" : "new";
            return lp.get(0);
        } finally {
            MemoryUtil.memFree(data);
        }
    }

    /** Whether the pipeline cache was read from disk at start. */
    public boolean pipelineCacheLoaded() {
        return pipelineCacheState.startsWith("loaded");
    }

    private long createDescriptorSetLayout(MemoryStack stack) {
        VkDescriptorSetLayoutBinding.Buffer bindings = VkDescriptorSetLayoutBinding.calloc(3, stack);
        for (int i = 0; i < 3; i++) {
            bindings.get(i).binding(i).descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(1)
                    .stageFlags(VK_SHADER_STAGE_COMPUTE_BIT);
        }
        LongBuffer lp = stack.mallocLong(1);
        check(vkCreateDescriptorSetLayout(device,
                VkDescriptorSetLayoutCreateInfo.calloc(stack).sType$Default().pBindings(bindings), null, lp),
                "vkCreateDescriptorSetLayout");
        return lp.get(0);
    }

    private long createPipelineLayout(MemoryStack stack) {
        VkPushConstantRange.Buffer push = VkPushConstantRange.calloc(1, stack);
        push.get(0).stageFlags(VK_SHADER_STAGE_COMPUTE_BIT).offset(0).size(PUSH_CONSTANT_BYTES);
        LongBuffer lp = stack.mallocLong(1);
        check(vkCreatePipelineLayout(device, VkPipelineLayoutCreateInfo.calloc(stack).sType$Default()
                .pSetLayouts(stack.longs(descriptorSetLayout)).pPushConstantRanges(push), null, lp),
                "vkCreatePipelineLayout");
        return lp.get(0);
    }

    private void createPipelines(MemoryStack stack) {
        Shader[] shaders = Shader.values();
        long[] modules = new long[shaders.length];
        try {
            VkComputePipelineCreateInfo.Buffer infos = VkComputePipelineCreateInfo.calloc(shaders.length, stack);
            for (int i = 0; i < shaders.length; i++) {
                modules[i] = shaderModule(shaders[i], stack);
                infos.get(i).sType$Default().layout(pipelineLayout).stage(st -> st.sType$Default()
                        .stage(VK_SHADER_STAGE_COMPUTE_BIT).pName(stack.UTF8("main")));
                infos.get(i).stage().module(modules[i]);
            }
            LongBuffer out = stack.mallocLong(shaders.length);
            check(vkCreateComputePipelines(device, pipelineCache, infos, null, out), "vkCreateComputePipelines");
            for (int i = 0; i < shaders.length; i++) {
                pipelines.put(shaders[i], out.get(i));
            }
        } finally {
            for (long m : modules) {
                if (m != VK_NULL_HANDLE) {
                    vkDestroyShaderModule(device, m, null);
                }
            }
        }
    }

    private long shaderModule(Shader shader, MemoryStack stack) {
        byte[] spirv;
        try (InputStream in = VulkanDevice.class.getResourceAsStream(shader.resource)) {
            if (in == null) {
                throw new VulkanException("shader " + shader.resource + " is missing from the class path"
                        + " (the tsperf-shaders jar); rebuild with glslc installed");
            }
            spirv = in.readAllBytes();
        } catch (IOException e) {
            throw new VulkanException("cannot read shader " + shader.resource + ": " + e.getMessage());
        }
        ByteBuffer code = MemoryUtil.memAlloc(spirv.length);
        try {
            code.put(0, spirv);
            LongBuffer lp = stack.mallocLong(1);
            check(vkCreateShaderModule(device, VkShaderModuleCreateInfo.calloc(stack).sType$Default().pCode(code),
                    null, lp), "vkCreateShaderModule " + shader.resource);
            return lp.get(0);
        } finally {
            MemoryUtil.memFree(code);
        }
    }

    private static GpuDeviceInfo describe(VkPhysicalDevice pd, VkPhysicalDeviceProperties p, boolean chosen,
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

    private static int computeFamily(VkPhysicalDevice pd, MemoryStack stack) {
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

    private static boolean hasDeviceExtension(VkPhysicalDevice pd, String name, MemoryStack stack) {
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
