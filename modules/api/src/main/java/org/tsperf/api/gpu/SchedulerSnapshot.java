package org.tsperf.api.gpu;

import java.util.List;

/**
 * The GPU scheduler's state.
 *
 * @param queues             one per {@link GpuPriority}, most urgent first
 * @param workers            contexts running tasks in parallel
 * @param memoryReservedBytes working memory reserved by running tasks
 * @param memoryBudgetBytes  what the scheduler may reserve (the device's budget, or a CPU-side limit)
 * @param utilisationPercent share of the last seconds the workers were busy, 0 to 100
 * @param path               where tasks run
 */
public record SchedulerSnapshot(List<QueueState> queues, int workers, long memoryReservedBytes,
        long memoryBudgetBytes, double utilisationPercent, ProcessingPath path) {

    public SchedulerSnapshot {
        queues = List.copyOf(queues);
    }

    /** One priority's queue. */
    public record QueueState(GpuPriority priority, int waiting, int running, int capacity, long completed,
            long rejected, long failed) {
    }
}
