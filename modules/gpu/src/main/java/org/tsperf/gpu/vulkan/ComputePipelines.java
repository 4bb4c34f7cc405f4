package org.tsperf.gpu.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.EXTDebugUtils.*;
import static org.lwjgl.vulkan.VK11.*;


import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkComputePipelineCreateInfo;
import org.lwjgl.vulkan.VkDescriptorSetLayoutBinding;
import org.lwjgl.vulkan.VkDescriptorSetLayoutCreateInfo;
import org.lwjgl.vulkan.VkDevice;
import org.lwjgl.vulkan.VkPipelineCacheCreateInfo;
import org.lwjgl.vulkan.VkPipelineLayoutCreateInfo;
import org.lwjgl.vulkan.VkPushConstantRange;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;
import org.tsperf.gpu.vulkan.VulkanDevice.Shader;

/**
 * The compute pipelines of one device: one shared layout (three storage buffers and
 * {@link VulkanDevice#PUSH_CONSTANT_BYTES} bytes of push constants) and a pipeline for every {@link Shader}, built
 * through a pipeline cache read from and saved to a file, so a later start skips compiling the shaders.
 */
final class ComputePipelines {

    private static final Logger LOG = Logger.getLogger(ComputePipelines.class.getName());

    private final VkDevice device;
    private final Path pipelineCacheFile;
    private final long pipelineCache;
    private volatile String pipelineCacheState;
    private final long descriptorSetLayout;
    private final long pipelineLayout;
    private final Map<Shader, Long> pipelines = new EnumMap<>(Shader.class);

    ComputePipelines(VkDevice device, Path cacheFile, MemoryStack stack) {
        this.device = device;
        this.pipelineCacheFile = cacheFile;
        this.pipelineCache = createPipelineCache(stack);
        this.descriptorSetLayout = createDescriptorSetLayout(stack);
        this.pipelineLayout = createPipelineLayout(stack);
        createPipelines(stack);
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

    /** The cache file and what happened to it ("new", "loaded N bytes", "saved N bytes"). */
    String state() {
        return pipelineCacheFile + " (" + pipelineCacheState + ")";
    }

    Path cacheFile() {
        return pipelineCacheFile;
    }

    /** Whether the pipeline cache was read from disk at start. */
    boolean loaded() {
        return pipelineCacheState.startsWith("loaded");
    }

    /** Saves the cache, then destroys the pipelines, their layouts and the cache. */
    void close() {
        save();
        for (long p : pipelines.values()) {
            vkDestroyPipeline(device, p, null);
        }
        vkDestroyPipelineLayout(device, pipelineLayout, null);
        vkDestroyDescriptorSetLayout(device, descriptorSetLayout, null);
        vkDestroyPipelineCache(device, pipelineCache, null);
    }

    private void save() {
        try (MemoryStack stack = stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            VulkanDevice.check(vkGetPipelineCacheData(device, pipelineCache, size, null), "vkGetPipelineCacheData");
            ByteBuffer data = MemoryUtil.memAlloc((int) size.get(0));
            try {
                VulkanDevice.check(vkGetPipelineCacheData(device, pipelineCache, size, data), "vkGetPipelineCacheData");
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
            VulkanDevice.check(r, "vkCreatePipelineCache");
            pipelineCacheState = initial.length > 0 ? "loaded " + initial.length + " bytes" : "new";
            return lp.get(0);
        } finally {
            MemoryUtil.memFree(data);
        }
    }

    private long createDescriptorSetLayout(MemoryStack stack) {
        VkDescriptorSetLayoutBinding.Buffer bindings = VkDescriptorSetLayoutBinding.calloc(3, stack);
        for (int i = 0; i < 3; i++) {
            bindings.get(i).binding(i).descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(1)
                    .stageFlags(VK_SHADER_STAGE_COMPUTE_BIT);
        }
        LongBuffer lp = stack.mallocLong(1);
        VulkanDevice.check(vkCreateDescriptorSetLayout(device,
                VkDescriptorSetLayoutCreateInfo.calloc(stack).sType$Default().pBindings(bindings), null, lp),
                "vkCreateDescriptorSetLayout");
        return lp.get(0);
    }

    private long createPipelineLayout(MemoryStack stack) {
        VkPushConstantRange.Buffer push = VkPushConstantRange.calloc(1, stack);
        push.get(0).stageFlags(VK_SHADER_STAGE_COMPUTE_BIT).offset(0).size(VulkanDevice.PUSH_CONSTANT_BYTES);
        LongBuffer lp = stack.mallocLong(1);
        VulkanDevice.check(vkCreatePipelineLayout(device, VkPipelineLayoutCreateInfo.calloc(stack).sType$Default()
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
            VulkanDevice.check(vkCreateComputePipelines(device, pipelineCache, infos, null, out), "vkCreateComputePipelines");
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
            VulkanDevice.check(vkCreateShaderModule(device, VkShaderModuleCreateInfo.calloc(stack).sType$Default().pCode(code),
                    null, lp), "vkCreateShaderModule " + shader.resource);
            return lp.get(0);
        } finally {
            MemoryUtil.memFree(code);
        }
    }
}
