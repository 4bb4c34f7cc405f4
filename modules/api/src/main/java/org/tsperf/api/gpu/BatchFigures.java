package org.tsperf.api.gpu;

/**
 * How the scheduler batched small tasks so far: small tasks that wait together run as one batch (one command buffer
 * and one fence on Vulkan).
 *
 * @param batches        batches of two or more tasks run together
 * @param batchedTasks   tasks that ran in those batches
 * @param largestBatch   the most tasks one batch held
 * @param vulkanSubmits  command buffers submitted to the Vulkan device (0 while Vulkan is not open)
 */
public record BatchFigures(long batches, long batchedTasks, int largestBatch, long vulkanSubmits) {
}
