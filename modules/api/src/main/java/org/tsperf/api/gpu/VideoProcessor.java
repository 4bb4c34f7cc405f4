package org.tsperf.api.gpu;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Runs chains of frame operations on the faster of Vulkan compute and the CPU reference, chosen by a short
 * measurement at first use (or by the user) and kept. Provided through Lookup by the GPU module. Thread-safe; calls
 * block until the frame is done: use {@link GpuScheduler} for prioritised, queued work.
 */
public interface VideoProcessor {

    /** The path in use and why; measures first if that has not happened yet. */
    ProcessorStatus status();

    /**
     * The output's size and format of a chain.
     *
     * @throws IllegalArgumentException saying why the chain cannot run on this input
     */
    FrameShape outputShape(Frame input, List<FrameOperation> operations);

    /**
     * Runs the chain and writes the result to {@code target}, which must hold the output's bytes (see
     * {@link #outputShape}).
     *
     * @return the output frame, backed by {@code target}
     */
    Frame process(Frame input, List<FrameOperation> operations, ByteBuffer target);

    /** Runs the chain on one path, whatever the chosen one (benchmarks, comparisons). */
    Frame process(Frame input, List<FrameOperation> operations, ByteBuffer target, ProcessingPath path);
}
