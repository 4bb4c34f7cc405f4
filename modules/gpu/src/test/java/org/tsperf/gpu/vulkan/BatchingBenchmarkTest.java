package org.tsperf.gpu.vulkan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tsperf.api.gpu.FrameOperation.ScaleFilter.BICUBIC;
import static org.tsperf.api.gpu.FrameOperation.YuvMatrix.BT709;
import static org.tsperf.api.gpu.FrameOperation.YuvRange.LIMITED;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.gpu.BatchJob;
import org.tsperf.gpu.BatchOutcome;
import org.tsperf.gpu.TestFrames;

/**
 * The figure of docs/benchmarks.md: 64 thumbnail chains (I420 320x180 converted and scaled bicubic to 160x90) on the
 * Vulkan device, one submission each against batches of 16 (one submission a batch), in the same run; best of
 * {@code -Dtsperf.bench.rounds} rounds (default 3). Logs the times; asserts only the submission counts (times depend
 * on the machine).
 */
class BatchingBenchmarkTest {

    private static final Logger LOG = Logger.getLogger(BatchingBenchmarkTest.class.getName());
    private static final int TASKS = 64;
    private static final int BATCH = 16;

    @TempDir
    Path cacheDir;

    @Test
    void batchedThumbnailsTakeOneSubmissionPerBatch() throws VulkanUnavailableException {
        int rounds = Integer.getInteger("tsperf.bench.rounds", 3);
        List<FrameOperation> chain = List.of(new ConvertToRgba(BT709, LIMITED), new Scale(160, 90, BICUBIC));
        List<BatchJob> jobs = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            jobs.add(new BatchJob(TestFrames.frame(320, 180, PixelFormat.I420, i), chain,
                    ByteBuffer.allocateDirect(160 * 90 * 4)));
        }
        try (VulkanDevice vk = VulkanDevice.open(VulkanOptions.fromSystemProperties().withCacheDirectory(cacheDir));
                VulkanFrameProcessor ctx = new VulkanFrameProcessor(vk)) {
            unbatched(ctx, jobs);
            batched(ctx, jobs); // warm-up: buffers at their batch size, pipelines, JIT
            long bestSingle = Long.MAX_VALUE, bestBatched = Long.MAX_VALUE;
            long singleSubmits = 0, batchedSubmits = 0;
            for (int r = 0; r < rounds; r++) {
                long s0 = vk.submitCount();
                long t0 = System.nanoTime();
                unbatched(ctx, jobs);
                bestSingle = Math.min(bestSingle, System.nanoTime() - t0);
                singleSubmits = vk.submitCount() - s0;
                s0 = vk.submitCount();
                t0 = System.nanoTime();
                batched(ctx, jobs);
                bestBatched = Math.min(bestBatched, System.nanoTime() - t0);
                batchedSubmits = vk.submitCount() - s0;
            }
            assertEquals(TASKS, singleSubmits);
            assertEquals(TASKS / BATCH, batchedSubmits);
            LOG.info(String.format(Locale.ROOT, "batching on %s: %d thumbnail chains (I420 320x180 -> RGBA, bicubic"
                    + " 160x90): one submission each %.1f ms (%d submissions), batches of %d %.1f ms (%d submissions),"
                    + " batched/unbatched speed %.2fx (best of %d rounds)", vk.deviceName(), TASKS, bestSingle / 1e6,
                    singleSubmits, BATCH, bestBatched / 1e6, batchedSubmits, (double) bestSingle / bestBatched, rounds));
        }
    }

    private static void unbatched(VulkanFrameProcessor ctx, List<BatchJob> jobs) {
        for (BatchJob j : jobs) {
            ctx.process(j.input(), j.operations(), j.target());
        }
    }

    private static void batched(VulkanFrameProcessor ctx, List<BatchJob> jobs) {
        for (int i = 0; i < jobs.size(); i += BATCH) {
            for (BatchOutcome o : ctx.processBatch(jobs.subList(i, i + BATCH))) {
                if (o.failed()) {
                    throw o.error();
                }
            }
        }
    }
}
