package org.tsperf.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.gpu.BatchFigures;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.GpuPriority;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.SchedulerSnapshot;
import org.tsperf.gpu.vulkan.VulkanOptions;

class PriorityGpuSchedulerTest {

    @TempDir
    Path cache;
    GpuRuntime runtime;
    PriorityGpuScheduler scheduler;

    @BeforeEach
    void start() {
        runtime = new GpuRuntime(VulkanOptions.fromSystemProperties().withCacheDirectory(cache), "vulkan");
        scheduler = new PriorityGpuScheduler(() -> runtime,
                Map.of(GpuPriority.VIEWER, 2, GpuPriority.RENDER, 8, GpuPriority.BACKGROUND, 8), 1);
    }

    @AfterEach
    void stop() {
        scheduler.shutdown();
        runtime.close();
    }

    /** A task that keeps the single worker busy for a while; returns once it runs. */
    private CompletableFuture<Frame> slow() throws InterruptedException {
        CompletableFuture<Frame> f = scheduler.submit(GpuPriority.BACKGROUND,
                TestFrames.frame(640, 360, PixelFormat.RGBA8, 1), List.of(new GaussianBlur(10), new GaussianBlur(10)));
        long deadline = System.currentTimeMillis() + 10_000;
        while (scheduler.snapshot().queues().get(GpuPriority.BACKGROUND.ordinal()).running() == 0
                && !f.isDone() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        return f;
    }

    private static List<FrameOperation> small() {
        return List.of(new GaussianBlur(1));
    }

    @Test
    void runsTheViewerFrameBeforeWaitingBackgroundWork() throws Exception {
        CompletableFuture<Frame> busy = slow();
        Frame f = TestFrames.frame(64, 36, PixelFormat.RGBA8, 2);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<?> b1 = scheduler.submit(GpuPriority.BACKGROUND, f, small()).thenRun(() -> order.add("bg1"));
        CompletableFuture<?> b2 = scheduler.submit(GpuPriority.BACKGROUND, f, small()).thenRun(() -> order.add("bg2"));
        CompletableFuture<?> r = scheduler.submit(GpuPriority.RENDER, f, small()).thenRun(() -> order.add("render"));
        CompletableFuture<?> v = scheduler.submit(GpuPriority.VIEWER, f, small()).thenRun(() -> order.add("viewer"));
        SchedulerSnapshot during = scheduler.snapshot();
        assertEquals(1, during.queues().get(GpuPriority.BACKGROUND.ordinal()).running(), during.toString());
        assertEquals(2, during.queues().get(GpuPriority.BACKGROUND.ordinal()).waiting(), during.toString());
        CompletableFuture.allOf(busy, b1, b2, r, v).get(60, TimeUnit.SECONDS);
        assertEquals(List.of("viewer", "render", "bg1", "bg2"), order);
        SchedulerSnapshot after = scheduler.snapshot();
        assertEquals(3, after.queues().get(GpuPriority.BACKGROUND.ordinal()).completed());
        assertEquals(0, after.memoryReservedBytes());
        assertTrue(after.memoryBudgetBytes() > 0);
    }

    @Test
    void batchesSmallTasksIntoOneSubmissionMostUrgentFirst() throws Exception {
        CompletableFuture<Frame> busy = slow();
        List<FrameOperation> thumbnail = List.of(new FrameOperation.ConvertToRgba(FrameOperation.YuvMatrix.BT709,
                FrameOperation.YuvRange.LIMITED), new FrameOperation.Scale(80, 45, FrameOperation.ScaleFilter.BICUBIC));
        List<String> order = new CopyOnWriteArrayList<>();
        List<Frame> inputs = new java.util.ArrayList<>();
        List<CompletableFuture<Frame>> futures = new java.util.ArrayList<>();
        List<GpuPriority> priorities = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            priorities.add(GpuPriority.BACKGROUND);
        }
        for (int i = 0; i < 8; i++) {
            priorities.add(GpuPriority.RENDER);
        }
        priorities.add(GpuPriority.VIEWER);
        for (int i = 0; i < priorities.size(); i++) {
            Frame in = TestFrames.frame(320, 180, PixelFormat.I420, 100 + i);
            inputs.add(in);
            GpuPriority p = priorities.get(i);
            futures.add(scheduler.submit(p, in, thumbnail).whenComplete((f, e) -> order.add(p.name())));
        }
        long submitsBefore = runtime.vulkanSubmits();
        BatchFigures before = scheduler.batchFigures();
        busy.get(60, TimeUnit.SECONDS);
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        BatchFigures after = scheduler.batchFigures();
        long submits = runtime.vulkanSubmits() - submitsBefore;
        // the slow task's submission plus one batch of 16, where one submission per task would be 17
        assertTrue(submits <= 2, "submissions: " + submits + ", " + after);
        assertEquals(before.batches() + 1, after.batches(), after.toString());
        assertEquals(16, after.largestBatch(), after.toString());
        assertEquals(16, after.batchedTasks() - before.batchedTasks(), after.toString());
        assertEquals("VIEWER", order.get(0), order.toString());
        assertEquals(List.of("RENDER"), order.subList(1, 9).stream().distinct().toList(), order.toString());
        for (int i = 0; i < futures.size(); i++) {
            Frame ref = runtime.processOn(inputs.get(i), thumbnail, ByteBuffer.allocateDirect(80 * 45 * 4),
                    ProcessingPath.CPU);
            TestFrames.assertClose(ref, futures.get(i).get(), 1, "batched task " + i);
        }
        assertEquals(16, scheduler.snapshot().queues().stream().mapToLong(SchedulerSnapshot.QueueState::completed)
                .sum() - 1, "every task completed (and the slow one)");
    }

    @Test
    void rejectsWhenAQueueIsFull() throws Exception {
        CompletableFuture<Frame> busy = slow();
        Frame f = TestFrames.frame(64, 36, PixelFormat.RGBA8, 3);
        CompletableFuture<Frame> v1 = scheduler.submit(GpuPriority.VIEWER, f, small());
        CompletableFuture<Frame> v2 = scheduler.submit(GpuPriority.VIEWER, f, small());
        CompletableFuture<Frame> v3 = scheduler.submit(GpuPriority.VIEWER, f, small());
        ExecutionException e = assertThrows(ExecutionException.class, () -> v3.get(5, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("full"), e.getCause().getMessage());
        CompletableFuture.allOf(busy, v1, v2).get(60, TimeUnit.SECONDS);
        assertEquals(1, scheduler.snapshot().queues().get(0).rejected());
    }

    @Test
    void scheduledOutputMatchesTheReferenceAndCountsBusyTime() throws Exception {
        Frame in = TestFrames.frame(128, 72, PixelFormat.I420, 4);
        List<FrameOperation> ops = List.of(new FrameOperation.ConvertToRgba(FrameOperation.YuvMatrix.BT601,
                FrameOperation.YuvRange.LIMITED), new GaussianBlur(2));
        Frame out = scheduler.submit(GpuPriority.RENDER, in, ops).get(30, TimeUnit.SECONDS);
        Frame ref = runtime.processOn(in, ops, ByteBuffer.allocateDirect(128 * 72 * 4), ProcessingPath.CPU);
        TestFrames.assertClose(ref, out, 1, "scheduled");
        Thread.sleep(600);
        slow().get(60, TimeUnit.SECONDS);
        SchedulerSnapshot s = scheduler.snapshot();
        assertTrue(s.utilisationPercent() > 0, s.toString());
        assertEquals(ProcessingPath.VULKAN, s.path());
    }

    @Test
    void invalidChainsFailWithoutQueueing() {
        Frame yuv = TestFrames.frame(64, 36, PixelFormat.I420, 5);
        CompletableFuture<Frame> f = scheduler.submit(GpuPriority.RENDER, yuv, small());
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("ConvertToRgba"), e.getCause().getMessage());
    }
}
