package org.tsperf.api.gpu;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Queued frame work by priority, within the device's memory budget. Provided through Lookup by the GPU module. May
 * be called from any thread.
 */
public interface GpuScheduler {

    /**
     * Queues a chain. Back-pressure: when the priority's queue is full the future fails at once with
     * {@link java.util.concurrent.RejectedExecutionException}; the caller drops or retries the frame. Cancelling the
     * future removes a waiting task.
     *
     * @return completes with the output frame (a new buffer owned by the caller)
     */
    CompletableFuture<Frame> submit(GpuPriority priority, Frame input, List<FrameOperation> operations);

    /** The queues, memory and utilisation now. */
    SchedulerSnapshot snapshot();

    /** How small tasks were batched so far. Never opens the GPU. */
    BatchFigures batchFigures();
}
