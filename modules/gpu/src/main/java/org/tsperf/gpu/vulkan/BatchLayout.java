package org.tsperf.gpu.vulkan;

import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.VK11.*;

import java.util.ArrayList;
import java.util.List;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.CrossFade;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameShape;
import org.tsperf.gpu.BatchJob;
import org.tsperf.gpu.Chains;
import org.tsperf.gpu.vulkan.VulkanDevice.Shader;

/**
 * Where one job of a batch lives in a {@link VulkanFrameProcessor}'s shared buffers, and its passes; the constructor
 * checks the job (it fails alone).
 */
final class BatchLayout {

    /** A part of a buffer that a step reads or writes. */
    record Region(GrowingBuffer buf, long offset, long range) {
    }

    /** One dispatch. */
    record Step(Shader shader, Region src, Region auxRegion, Region dst, int[] a, int[] b, float[] c,
            float[] d, int width, int height) {
    }

    final int index;
    final BatchJob job;
    final FrameShape out;
    final long inBytes;
    final long rgbaBytes;
    final long auxBytes;
    final long floatBytes;
    final List<Object> auxData = new ArrayList<>();
    final List<Long> auxOffsets = new ArrayList<>();
    long inOffset;
    long rgbaOffset;
    long auxOffset;
    long floatOffset;
    long readOffset;
    List<Step> steps;
    Region last;

    BatchLayout(VulkanDevice vk, int index, BatchJob job) {
        this.index = index;
        this.job = job;
        Frame in = job.input();
        List<FrameOperation> operations = job.operations();
        out = Chains.outputShape(in, operations);
        if (job.target().capacity() < out.byteCount()) {
            throw new IllegalArgumentException("target holds " + job.target().capacity()
                    + " bytes, the output needs " + out.byteCount());
        }
        inBytes = in.byteCount();
        long maxRgba = 0;
        long auxSum = 0;
        FrameShape shape = new FrameShape(in.width(), in.height(), in.format());
        for (int i = 0; i < operations.size(); i++) {
            FrameOperation op = operations.get(i);
            shape = Chains.after(shape, op, i);
            maxRgba = Math.max(maxRgba, shape.byteCount());
            Object data = op instanceof GaussianBlur b ? Chains.blurWeights(b)
                    : op instanceof CrossFade c ? c.other() : null;
            if (data != null) {
                long bytes = data instanceof float[] f ? 4L * f.length : ((Frame) data).byteCount();
                auxOffsets.add(auxSum);
                auxData.add(data);
                auxSum = align(auxSum + bytes, vk.storageOffsetAlignment());
            }
        }
        boolean blur = operations.stream().anyMatch(op -> op instanceof GaussianBlur);
        rgbaBytes = maxRgba;
        auxBytes = auxSum;
        floatBytes = blur ? 4 * maxRgba : 0; // 16 bytes (vec4) a pixel
        long largestStorage = Math.max(Math.max(inBytes, rgbaBytes), Math.max(auxBytes, floatBytes));
        if (largestStorage > vk.maxStorageBufferRange()) {
            throw new DeviceLimitException("this chain needs a " + largestStorage / (1 << 20) + " MiB storage"
                    + " buffer, the device allows " + vk.maxStorageBufferRange() / (1 << 20) + " MiB");
        }
    }

    static long align(long v, long alignment) {
        return (v + alignment - 1) / alignment * alignment;
    }
}
