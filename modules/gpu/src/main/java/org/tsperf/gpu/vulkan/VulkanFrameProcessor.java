package org.tsperf.gpu.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.VK11.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkBufferCopy;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkCommandBufferAllocateInfo;
import org.lwjgl.vulkan.VkCommandBufferBeginInfo;
import org.lwjgl.vulkan.VkCommandPoolCreateInfo;
import org.lwjgl.vulkan.VkDescriptorBufferInfo;
import org.lwjgl.vulkan.VkDescriptorPoolCreateInfo;
import org.lwjgl.vulkan.VkDescriptorPoolSize;
import org.lwjgl.vulkan.VkDescriptorSetAllocateInfo;
import org.lwjgl.vulkan.VkFenceCreateInfo;
import org.lwjgl.vulkan.VkMemoryBarrier;
import org.lwjgl.vulkan.VkSubmitInfo;
import org.lwjgl.vulkan.VkWriteDescriptorSet;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ColourAdjust;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.CrossFade;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.gpu.BatchJob;
import org.tsperf.gpu.BatchOutcome;
import org.tsperf.gpu.Chains;
import org.tsperf.gpu.vulkan.BatchLayout.Region;
import org.tsperf.gpu.vulkan.BatchLayout.Step;
import org.tsperf.gpu.vulkan.GrowingBuffer.Host;
import org.tsperf.gpu.vulkan.VulkanDevice.Shader;

/**
 * One execution context on a {@link VulkanDevice}: a command buffer, a fence, a descriptor pool whose sets are
 * allocated once, and buffers (host-visible staging for upload and readback and device buffers for the work, or on
 * unified memory the mapped device buffers alone) that grow
 * to the largest frame (or batch) seen and are then reused: no Vulkan allocation per frame. A whole chain is recorded
 * into one command buffer (upload copy, one dispatch per pass with barriers between them, readback copy) and waited for
 * with the fence; a batch of small chains shares one command buffer and one fence ({@link #processBatch}). One
 * submission at a time per context (calls are serialised); use several contexts for parallel work.
 */
public final class VulkanFrameProcessor implements AutoCloseable {

    private static final int MAX_STEPS = 32;
    /** Passes one batch may hold (descriptor sets of a context). */
    public static final int MAX_BATCH_PASSES = 128;
    private static final int GROUP = 16;

    private final VulkanDevice vk;
    private final long commandPool;
    private final VkCommandBuffer cmd;
    private final long fence;
    private final long descriptorPool;
    private final long[] sets = new long[MAX_BATCH_PASSES];
    private final long[][] setBindings = new long[MAX_BATCH_PASSES][];
    private final GrowingBuffer uploadStaging;
    private final GrowingBuffer auxStaging;
    private final GrowingBuffer readback;
    private final GrowingBuffer input;
    private final GrowingBuffer aux;
    private final GrowingBuffer ping;
    private final GrowingBuffer pong;
    private final GrowingBuffer floats;
    private final List<GrowingBuffer> buffers;
    /** Whether frames go through staging buffers (discrete GPUs) or straight into mapped device memory (unified memory). */
    private final boolean staging;
    private boolean closed;
    private long lastGpuNanos;

    private GrowingBuffer newBuffer(int usage, Host host) {
        // a new buffer may get the freed one's handle value: every descriptor set must be written again
        return new GrowingBuffer(vk, usage, host, () -> Arrays.fill(setBindings, null));
    }

    /** A context that uses staging buffers unless the device's memory is unified ({@code -Dtsperf.gpu.staging=true} forces them). */
    public VulkanFrameProcessor(VulkanDevice vk) {
        this(vk, !vk.unifiedMemory() || Boolean.getBoolean("tsperf.gpu.staging"));
    }

    /**
     * @param staging true: copy frames through host-visible staging buffers into device-local ones (what a discrete
     *                GPU needs); false: write and read the device buffers directly through their mapping (only
     *                sensible where device-local memory is host-visible: integrated GPUs, CPU drivers)
     */
    public VulkanFrameProcessor(VulkanDevice vk, boolean staging) {
        this.vk = vk;
        this.staging = staging;
        uploadStaging = newBuffer(VK_BUFFER_USAGE_TRANSFER_SRC_BIT, Host.WRITE);
        auxStaging = newBuffer(VK_BUFFER_USAGE_TRANSFER_SRC_BIT, Host.WRITE);
        readback = newBuffer(VK_BUFFER_USAGE_TRANSFER_DST_BIT, Host.READ);
        floats = newBuffer(VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, Host.NONE);
        int transfers = VK_BUFFER_USAGE_TRANSFER_DST_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
        input = newBuffer(VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | transfers, staging ? Host.NONE : Host.WRITE);
        aux = newBuffer(VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | transfers, staging ? Host.NONE : Host.WRITE);
        ping = newBuffer(VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | transfers, staging ? Host.NONE : Host.READ);
        pong = newBuffer(VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | transfers, staging ? Host.NONE : Host.READ);
        buffers = List.of(uploadStaging, auxStaging, readback, input, aux, ping, pong, floats);
        try (MemoryStack stack = stackPush()) {
            LongBuffer lp = stack.mallocLong(1);
            VulkanDevice.check(vkCreateCommandPool(vk.device(), VkCommandPoolCreateInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT).queueFamilyIndex(vk.queueFamily()), null, lp),
                    "vkCreateCommandPool");
            commandPool = lp.get(0);
            PointerBuffer pp = stack.mallocPointer(1);
            VulkanDevice.check(vkAllocateCommandBuffers(vk.device(), VkCommandBufferAllocateInfo.calloc(stack)
                    .sType$Default().commandPool(commandPool).level(VK_COMMAND_BUFFER_LEVEL_PRIMARY)
                    .commandBufferCount(1), pp), "vkAllocateCommandBuffers");
            cmd = new VkCommandBuffer(pp.get(0), vk.device());
            VulkanDevice.check(vkCreateFence(vk.device(), VkFenceCreateInfo.calloc(stack).sType$Default(), null, lp),
                    "vkCreateFence");
            fence = lp.get(0);
            VkDescriptorPoolSize.Buffer sizes = VkDescriptorPoolSize.calloc(1, stack);
            sizes.get(0).type(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(3 * MAX_BATCH_PASSES);
            VulkanDevice.check(vkCreateDescriptorPool(vk.device(), VkDescriptorPoolCreateInfo.calloc(stack)
                    .sType$Default().maxSets(MAX_BATCH_PASSES).pPoolSizes(sizes), null, lp), "vkCreateDescriptorPool");
            descriptorPool = lp.get(0);
            LongBuffer layouts = stack.mallocLong(MAX_BATCH_PASSES);
            for (int i = 0; i < MAX_BATCH_PASSES; i++) {
                layouts.put(i, vk.descriptorSetLayout());
            }
            LongBuffer out = stack.mallocLong(MAX_BATCH_PASSES);
            VulkanDevice.check(vkAllocateDescriptorSets(vk.device(), VkDescriptorSetAllocateInfo.calloc(stack)
                    .sType$Default().descriptorPool(descriptorPool).pSetLayouts(layouts), out),
                    "vkAllocateDescriptorSets");
            out.get(sets);
        }
        vk.register(this);
    }

    public VulkanDevice device() {
        return vk;
    }

    /** Whether this context copies frames through staging buffers. */
    public boolean usesStaging() {
        return staging;
    }

    /** Nanoseconds the last chain spent on the device queue (submit to fence). */
    public synchronized long lastGpuNanos() {
        return lastGpuNanos;
    }

    /** Bytes of device and staging memory this context holds now. */
    public synchronized long allocatedBytes() {
        long sum = 0;
        for (GrowingBuffer b : buffers) {
            sum += b.size;
        }
        return sum;
    }

    /** Runs the chain on the device and writes the output to {@code target}. */
    public Frame process(Frame in, List<FrameOperation> operations, ByteBuffer target) {
        BatchOutcome outcome = processBatch(List.of(new BatchJob(in, operations, target))).get(0);
        if (outcome.failed()) {
            throw outcome.error();
        }
        return outcome.frame();
    }

    /**
     * Runs several chains as one batch: each gets its own part of the shared buffers, all are recorded into one
     * command buffer (the n-th pass of every chain is dispatched together, then one barrier) and submitted once with
     * one fence. A chain that cannot run (a target too small, beyond the device's limits, the batch already holding
     * {@link #MAX_BATCH_PASSES} passes) fails alone; a failure of the submission itself throws.
     *
     * @return one outcome per job, in the jobs' order
     */
    public synchronized List<BatchOutcome> processBatch(List<BatchJob> jobs) {
        if (closed) {
            throw new IllegalStateException("the Vulkan context is closed (GPU module disabled or shut down)");
        }
        BatchOutcome[] outcomes = new BatchOutcome[jobs.size()];
        List<BatchLayout> layouts = new ArrayList<>();
        long alignment = vk.storageOffsetAlignment();
        long inTotal = 0, rgbaTotal = 0, auxTotal = 0, floatTotal = 0, readTotal = 0;
        int passes = 0;
        for (int j = 0; j < jobs.size(); j++) {
            try {
                BatchLayout l = new BatchLayout(vk, j, jobs.get(j));
                l.inOffset = inTotal;
                l.rgbaOffset = rgbaTotal;
                l.auxOffset = auxTotal;
                l.floatOffset = floatTotal;
                l.readOffset = readTotal;
                l.steps = plan(l);
                if (l.steps.size() > MAX_STEPS) {
                    throw new IllegalArgumentException("a chain may have at most " + MAX_STEPS + " passes, this one"
                            + " has " + l.steps.size());
                }
                if (passes + l.steps.size() > MAX_BATCH_PASSES) {
                    throw new IllegalArgumentException("the batch already holds " + passes + " passes (at most "
                            + MAX_BATCH_PASSES + "): submit this chain in another batch");
                }
                passes += l.steps.size();
                inTotal += BatchLayout.align(l.inBytes, alignment);
                rgbaTotal += BatchLayout.align(l.rgbaBytes, alignment);
                auxTotal += BatchLayout.align(l.auxBytes, alignment);
                floatTotal += BatchLayout.align(l.floatBytes, alignment);
                readTotal += BatchLayout.align(l.out.byteCount(), 16);
                layouts.add(l);
            } catch (IllegalArgumentException | DeviceLimitException e) {
                outcomes[j] = BatchOutcome.failed(e);
            }
        }
        if (layouts.isEmpty()) {
            return List.of(outcomes);
        }
        input.ensure(inTotal);
        if (staging) {
            uploadStaging.ensure(inTotal);
            readback.ensure(readTotal);
        }
        if (rgbaTotal > 0) {
            ping.ensure(rgbaTotal);
            pong.ensure(rgbaTotal);
        }
        if (floatTotal > 0) {
            floats.ensure(floatTotal);
        }
        if (auxTotal > 0) {
            aux.ensure(auxTotal);
            if (staging) {
                auxStaging.ensure(auxTotal);
            }
        }

        // host writes: inputs and aux data into the staging buffers, or straight into the mapped device buffers
        GrowingBuffer inTarget = staging ? uploadStaging : input;
        GrowingBuffer auxTarget = staging ? auxStaging : aux;
        for (BatchLayout l : layouts) {
            inTarget.copyIn(l.job.input().data(), l.inOffset, l.inBytes);
            for (int i = 0; i < l.auxData.size(); i++) {
                long offset = l.auxOffset + l.auxOffsets.get(i);
                if (l.auxData.get(i) instanceof float[] f) {
                    MemoryUtil.memByteBuffer(auxTarget.mapped + offset, 4 * f.length).order(ByteOrder.LITTLE_ENDIAN)
                            .asFloatBuffer().put(f);
                } else {
                    Frame f = (Frame) l.auxData.get(i);
                    auxTarget.copyIn(f.data(), offset, f.byteCount());
                }
            }
        }
        vmaFlushAllocation(vk.allocator(), inTarget.allocation, 0, VK_WHOLE_SIZE);
        if (auxTotal > 0) {
            vmaFlushAllocation(vk.allocator(), auxTarget.allocation, 0, VK_WHOLE_SIZE);
        }

        // the n-th pass of every chain, then one barrier: passes of different chains do not wait for each other
        List<Step> order = new ArrayList<>();
        int rounds = layouts.stream().mapToInt(l -> l.steps.size()).max().orElse(0);
        List<Integer> roundEnds = new ArrayList<>();
        for (int k = 0; k < rounds; k++) {
            for (BatchLayout l : layouts) {
                if (k < l.steps.size()) {
                    order.add(l.steps.get(k));
                }
            }
            roundEnds.add(order.size());
        }
        try (MemoryStack stack = stackPush()) {
            for (int i = 0; i < order.size(); i++) {
                try (MemoryStack frame = stack.push()) {
                    bind(i, order.get(i), frame);
                }
            }
            VulkanDevice.check(vkResetCommandBuffer(cmd, 0), "vkResetCommandBuffer");
            VulkanDevice.check(vkBeginCommandBuffer(cmd, VkCommandBufferBeginInfo.calloc(stack).sType$Default()
                    .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
            if (staging) {
                copy(uploadStaging, 0, input, 0, inTotal, stack);
                if (auxTotal > 0) {
                    copy(auxStaging, 0, aux, 0, auxTotal, stack);
                }
            }
            barrier(VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_HOST_BIT,
                    VK_ACCESS_TRANSFER_WRITE_BIT | VK_ACCESS_HOST_WRITE_BIT,
                    VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                    VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_TRANSFER_READ_BIT, stack);
            ByteBuffer push = stack.malloc(VulkanDevice.PUSH_CONSTANT_BYTES).order(ByteOrder.nativeOrder());
            int round = 0;
            for (int i = 0; i < order.size(); i++) {
                Step s = order.get(i);
                vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, vk.pipeline(s.shader()));
                vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, vk.pipelineLayout(), 0,
                        stack.longs(sets[i]), null);
                for (int k = 0; k < 4; k++) {
                    push.putInt(4 * k, s.a()[k]);
                    push.putInt(16 + 4 * k, s.b()[k]);
                    push.putFloat(32 + 4 * k, s.c()[k]);
                    push.putFloat(48 + 4 * k, s.d()[k]);
                }
                vkCmdPushConstants(cmd, vk.pipelineLayout(), VK_SHADER_STAGE_COMPUTE_BIT, 0, push);
                vkCmdDispatch(cmd, (s.width() + GROUP - 1) / GROUP, (s.height() + GROUP - 1) / GROUP, 1);
                if (i + 1 == roundEnds.get(round)) {
                    round++;
                    barrier(VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_ACCESS_SHADER_WRITE_BIT,
                            VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                            VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT,
                            stack);
                }
            }
            if (staging) {
                for (BatchLayout l : layouts) {
                    copy(l.last.buf(), l.last.offset(), readback, l.readOffset, l.out.byteCount(), stack);
                }
                barrier(VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_HOST_BIT,
                        VK_ACCESS_HOST_READ_BIT, stack);
            } else {
                barrier(VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_ACCESS_SHADER_WRITE_BIT, VK_PIPELINE_STAGE_HOST_BIT,
                        VK_ACCESS_HOST_READ_BIT, stack);
            }
            VulkanDevice.check(vkEndCommandBuffer(cmd), "vkEndCommandBuffer");
            submitAndWait(stack);
        }
        for (BatchLayout l : layouts) {
            GrowingBuffer result = staging ? readback : l.last.buf();
            long offset = staging ? l.readOffset : l.last.offset();
            vmaInvalidateAllocation(vk.allocator(), result.allocation, offset, l.out.byteCount());
            ByteBuffer src = MemoryUtil.memByteBuffer(result.mapped + offset, (int) l.out.byteCount());
            ByteBuffer target = l.job.target();
            target.duplicate().clear().put(src);
            outcomes[l.index] = BatchOutcome.of(new Frame(l.out.width(), l.out.height(), l.out.format(), target));
        }
        return List.of(outcomes);
    }

    /**
     * Measures moving one frame of {@code bytes} to the device and back: {upload, readback} in nanoseconds, each the
     * host copy into/out of the staging buffer plus the device copy, waited for with the fence.
     */
    public synchronized long[] transferCost(long bytes, ByteBuffer data) {
        input.ensure(bytes);
        if (!staging) { // unified memory: a frame moves by one copy into, and one out of, the mapped device buffer
            long t0 = System.nanoTime();
            input.copyIn(data, 0, bytes);
            vmaFlushAllocation(vk.allocator(), input.allocation, 0, VK_WHOLE_SIZE);
            long t1 = System.nanoTime();
            vmaInvalidateAllocation(vk.allocator(), input.allocation, 0, VK_WHOLE_SIZE);
            data.duplicate().clear().put(input.view(bytes));
            return new long[] {t1 - t0, System.nanoTime() - t1};
        }
        uploadStaging.ensure(bytes);
        readback.ensure(bytes);
        long t0 = System.nanoTime();
        uploadStaging.copyIn(data, 0, bytes);
        vmaFlushAllocation(vk.allocator(), uploadStaging.allocation, 0, VK_WHOLE_SIZE);
        long t1;
        try (MemoryStack stack = stackPush()) {
            recordSingleCopy(uploadStaging, input, bytes, stack);
            submitAndWait(stack);
            t1 = System.nanoTime();
            recordSingleCopy(input, readback, bytes, stack);
            submitAndWait(stack);
        }
        vmaInvalidateAllocation(vk.allocator(), readback.allocation, 0, VK_WHOLE_SIZE);
        data.duplicate().clear().put(readback.view(bytes));
        long t2 = System.nanoTime();
        return new long[] {t1 - t0, t2 - t1};
    }

    private void recordSingleCopy(GrowingBuffer from, GrowingBuffer to, long bytes, MemoryStack stack) {
        VulkanDevice.check(vkResetCommandBuffer(cmd, 0), "vkResetCommandBuffer");
        VulkanDevice.check(vkBeginCommandBuffer(cmd, VkCommandBufferBeginInfo.calloc(stack).sType$Default()
                .flags(VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT)), "vkBeginCommandBuffer");
        copy(from, 0, to, 0, bytes, stack);
        barrier(VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT,
                VK_PIPELINE_STAGE_HOST_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                VK_ACCESS_HOST_READ_BIT | VK_ACCESS_TRANSFER_READ_BIT, stack);
        VulkanDevice.check(vkEndCommandBuffer(cmd), "vkEndCommandBuffer");
    }

    private void submitAndWait(MemoryStack stack) {
        VkSubmitInfo submit = VkSubmitInfo.calloc(stack).sType$Default().pCommandBuffers(stack.pointers(cmd));
        long start = System.nanoTime();
        synchronized (vk.submitLock()) {
            VulkanDevice.check(vkQueueSubmit(vk.queue(), submit, fence), "vkQueueSubmit");
        }
        int r = vkWaitForFences(vk.device(), stack.longs(fence), true, 60_000_000_000L);
        long spent = System.nanoTime() - start;
        vk.addBusy(spent);
        vk.countSubmit();
        lastGpuNanos = spent;
        VulkanDevice.check(r, "vkWaitForFences");
        VulkanDevice.check(vkResetFences(vk.device(), stack.longs(fence)), "vkResetFences");
    }

    /** The job's passes over its own parts of the shared buffers; sets {@code l.last}, where its output ends. */
    private List<Step> plan(BatchLayout l) {
        List<Step> steps = new ArrayList<>();
        Frame in = l.job.input();
        Region cur = new Region(input, l.inOffset, BatchLayout.align(l.inBytes, 16));
        Region pingR = new Region(ping, l.rgbaOffset, BatchLayout.align(l.rgbaBytes, 16));
        Region pongR = new Region(pong, l.rgbaOffset, BatchLayout.align(l.rgbaBytes, 16));
        Region floatR = new Region(floats, l.floatOffset, BatchLayout.align(l.floatBytes, 16));
        int w = in.width(), h = in.height();
        int auxIndex = 0;
        for (FrameOperation op : l.job.operations()) {
            Region next = cur == pingR ? pongR : pingR;
            if (op instanceof ConvertToRgba c) {
                float[] r = Chains.yuvRange(c, in.format());
                float[] m = Chains.yuvMatrix(c);
                steps.add(new Step(Shader.YUV_TO_RGBA, cur, cur, next,
                        new int[] {w, h, Chains.yuvFormatCode(in.format()), 0}, new int[4], r, m, w, h));
            } else if (op instanceof Scale s) {
                steps.add(new Step(Shader.SCALE, cur, cur, next, new int[] {w, h, s.width(), s.height()},
                        new int[] {s.filter() == FrameOperation.ScaleFilter.BICUBIC ? 1 : 0, 0, 0, 0},
                        new float[4], new float[4], s.width(), s.height()));
                w = s.width();
                h = s.height();
            } else if (op instanceof ColourAdjust c) {
                steps.add(new Step(Shader.COLOUR_ADJUST, cur, cur, next, new int[] {w, h, 0, 0},
                        new int[4], Chains.colour(c), new float[4], w, h));
            } else if (op instanceof GaussianBlur b) {
                Region weights = new Region(aux, l.auxOffset + l.auxOffsets.get(auxIndex),
                        4L * ((float[]) l.auxData.get(auxIndex)).length);
                auxIndex++;
                steps.add(new Step(Shader.BLUR_H, cur, weights, floatR, new int[] {w, h, b.radius(), 0},
                        new int[4], new float[4], new float[4], w, h));
                steps.add(new Step(Shader.BLUR_V, floatR, weights, next, new int[] {w, h, b.radius(), 1},
                        new int[4], new float[4], new float[4], w, h));
            } else if (op instanceof CrossFade c) {
                Region other = new Region(aux, l.auxOffset + l.auxOffsets.get(auxIndex), c.other().byteCount());
                auxIndex++;
                steps.add(new Step(Shader.CROSSFADE, cur, other, next, new int[] {w, h, 0, 0},
                        new int[4], new float[] {(float) c.amount(), 0, 0, 0}, new float[4], w, h));
            }
            cur = next;
        }
        l.last = cur;
        return steps;
    }

    /** Points descriptor set i at the step's buffer regions, unless it already does (sets are reused). */
    private void bind(int i, Step s, MemoryStack stack) {
        Region[] regions = {s.src(), s.auxRegion(), s.dst()};
        long[] key = new long[9];
        for (int b = 0; b < 3; b++) {
            key[3 * b] = regions[b].buf().buffer;
            key[3 * b + 1] = regions[b].offset();
            key[3 * b + 2] = regions[b].range();
        }
        if (Arrays.equals(key, setBindings[i])) {
            return;
        }
        VkDescriptorBufferInfo.Buffer infos = VkDescriptorBufferInfo.calloc(3, stack);
        VkWriteDescriptorSet.Buffer writes = VkWriteDescriptorSet.calloc(3, stack);
        for (int b = 0; b < 3; b++) {
            infos.get(b).buffer(regions[b].buf().buffer).offset(regions[b].offset()).range(regions[b].range());
            writes.get(b).sType$Default().dstSet(sets[i]).dstBinding(b).descriptorCount(1)
                    .descriptorType(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER)
                    .pBufferInfo(VkDescriptorBufferInfo.create(infos.address(b), 1));
        }
        vkUpdateDescriptorSets(vk.device(), writes, null);
        setBindings[i] = key;
    }

    private void copy(GrowingBuffer from, long fromOffset, GrowingBuffer to, long toOffset, long bytes, MemoryStack stack) {
        VkBufferCopy.Buffer region = VkBufferCopy.calloc(1, stack);
        region.get(0).srcOffset(fromOffset).dstOffset(toOffset).size(Math.min((bytes + 3) & ~3L,
                Math.min(from.size - fromOffset, to.size - toOffset)));
        vkCmdCopyBuffer(cmd, from.buffer, to.buffer, region);
    }

    private void barrier(int srcStage, int srcAccess, int dstStage, int dstAccess, MemoryStack stack) {
        VkMemoryBarrier.Buffer b = VkMemoryBarrier.calloc(1, stack);
        b.get(0).sType$Default().srcAccessMask(srcAccess).dstAccessMask(dstAccess);
        vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, b, null, null);
    }

    /** Frees this context's Vulkan objects; the device waits for its queue before calling this. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (GrowingBuffer b : buffers) {
            b.free();
        }
        vkDestroyDescriptorPool(vk.device(), descriptorPool, null);
        vkDestroyFence(vk.device(), fence, null);
        vkDestroyCommandPool(vk.device(), commandPool, null);
        vk.unregister(this);
    }
}
