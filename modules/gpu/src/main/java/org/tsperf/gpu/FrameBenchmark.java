package org.tsperf.gpu;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.api.gpu.BenchmarkReport.OperationResult;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ColourAdjust;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.CrossFade;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.FrameOperation.ScaleFilter;
import org.tsperf.api.gpu.FrameOperation.YuvMatrix;
import org.tsperf.api.gpu.FrameOperation.YuvRange;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.gpu.vulkan.VulkanDevice;
import org.tsperf.gpu.vulkan.VulkanFrameProcessor;

/**
 * Every operation at one size on the Vulkan device, on the multi-threaded CPU reference and on the single-threaded
 * one, in the same run: frames per second of each and the Vulkan/CPU ratio, plus one frame's upload and readback.
 * Each path of each operation runs one warm-up frame, then frames until its time is up (at least two).
 */
@ServiceProvider(service = GpuBenchmark.class)
public final class FrameBenchmark implements GpuBenchmark, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FrameBenchmark.class.getName());
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

    @Override
    public CompletableFuture<String> run() {
        return measure(1920, 1080, Duration.ofMillis(500)).thenApply(FrameBenchmark::summary); // the CLI measures 4K
    }

    @Override
    public CompletableFuture<BenchmarkReport> measure(int width, int height, Duration perOperation) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<BenchmarkReport> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                GpuRuntimes runtimes = GpuRuntimes.get();
                GpuRuntime runtime = runtimes.runtime();
                BenchmarkReport report = measureNow(runtime, width, height, perOperation, cancelled);
                result.complete(runtimes.benchmarked(runtime, report));
            } catch (CancellationException e) {
                result.cancel(false);
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.log(Level.WARNING, "GPU benchmark failed", e);
                result.completeExceptionally(e);
            } finally {
                workers.remove(Thread.currentThread());
            }
        }, "tsperf-gpu-benchmark");
        workers.add(worker);
        worker.setDaemon(true);
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                cancelled.set(true);
            }
        });
        worker.start();
        return result;
    }

    @Override
    public Optional<BenchmarkReport> latest() {
        try {
            return Optional.ofNullable(GpuRuntimes.get().latestBenchmark());
        } catch (IllegalStateException moduleOff) {
            return Optional.empty();
        }
    }

    @Override
    public boolean running() {
        return !workers.isEmpty();
    }

    /**
     * Waits for the benchmark threads to end, then releases the module's runtime on the calling thread (every Vulkan
     * object destroyed in order): one-shot callers (the command line) call it before the JVM exits.
     */
    @Override
    public void close() throws InterruptedException {
        for (Thread t : List.copyOf(workers)) {
            t.join(10_000);
            if (t.isAlive()) {
                LOG.warning("the GPU benchmark thread is still running; releasing Vulkan under it");
            }
        }
        GpuRuntimes.get().close();
    }

    /** The operations measured, named as in the report. */
    static List<Named> operations(int w, int h) {
        Frame other = TestPattern.rgba(w, h, 2);
        return List.of(
                new Named("convert I420 8-bit BT.709 to RGBA", PixelFormat.I420,
                        List.of(new ConvertToRgba(YuvMatrix.BT709, YuvRange.LIMITED))),
                new Named("convert NV12 BT.601 full to RGBA", PixelFormat.NV12,
                        List.of(new ConvertToRgba(YuvMatrix.BT601, YuvRange.FULL))),
                new Named("convert I420 10-bit BT.709 to RGBA", PixelFormat.I420_10LE,
                        List.of(new ConvertToRgba(YuvMatrix.BT709, YuvRange.LIMITED))),
                new Named("scale bilinear to half size", PixelFormat.RGBA8,
                        List.of(new Scale(w / 2, h / 2, ScaleFilter.BILINEAR))),
                new Named("scale bicubic to half size", PixelFormat.RGBA8,
                        List.of(new Scale(w / 2, h / 2, ScaleFilter.BICUBIC))),
                new Named("colour adjust", PixelFormat.RGBA8, List.of(new ColourAdjust(0.05, 1.2, 1.1, 2.2))),
                new Named("gaussian blur sigma 2", PixelFormat.RGBA8, List.of(new GaussianBlur(2))),
                new Named("cross-fade", PixelFormat.RGBA8, List.of(new CrossFade(other, 0.5))),
                new Named("viewer frame: I420 convert + bicubic scale to half", PixelFormat.I420,
                        List.of(new ConvertToRgba(YuvMatrix.BT709, YuvRange.LIMITED),
                                new Scale(w / 2, h / 2, ScaleFilter.BICUBIC))));
    }

    record Named(String name, PixelFormat input, List<FrameOperation> chain) {
    }

    static BenchmarkReport measureNow(GpuRuntime runtime, int w, int h, Duration perOperation, AtomicBoolean cancelled) {
        VulkanDevice vk = runtime.vulkan();
        List<OperationResult> results = new ArrayList<>();
        ByteBuffer target = ByteBuffer.allocateDirect((int) PixelFormat.RGBA8.frameBytes(w, h));
        for (Named op : operations(w, h)) {
            Frame in = TestPattern.frame(w, h, op.input(), 1);
            double vkFps = vk == null ? Double.NaN : fps(() -> runtime.processOn(in, op.chain(), target,
                    ProcessingPath.VULKAN), perOperation, cancelled);
            double cpuFps = fps(() -> runtime.cpu().process(in, op.chain(), target), perOperation, cancelled);
            double singleFps = fps(() -> runtime.cpuSingleThread().process(in, op.chain(), target), perOperation,
                    cancelled);
            results.add(new OperationResult(op.name(), vkFps, cpuFps, singleFps, vkFps / cpuFps));
            LOG.log(Level.FINE, "{0}: Vulkan {1} fps, CPU {2} fps", new Object[] {op.name(), vkFps, cpuFps});
        }
        double upload = Double.NaN, readback = Double.NaN;
        if (vk != null) {
            VulkanFrameProcessor ctx = runtime.borrow();
            try {
                long up = Long.MAX_VALUE, down = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) {
                    long[] cost = ctx.transferCost(target.capacity(), target);
                    up = Math.min(up, cost[0]);
                    down = Math.min(down, cost[1]);
                }
                upload = up / 1e6;
                readback = down / 1e6;
            } finally {
                runtime.giveBack(ctx);
            }
        }
        return new BenchmarkReport(vk == null ? "" : vk.deviceName(), w, h, runtime.cpu().threads(), results, upload,
                readback, runtime.status());
    }

    private static double fps(Runnable frame, Duration budget, AtomicBoolean cancelled) {
        check(cancelled);
        frame.run(); // warm-up
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        int frames = 0;
        long now;
        do {
            check(cancelled);
            frame.run();
            frames++;
            now = System.nanoTime();
        } while (now < end || frames < 2);
        return frames / ((now - start) / 1e9);
    }

    private static void check(AtomicBoolean cancelled) {
        if (cancelled.get() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("benchmark cancelled");
        }
    }

    /** The paragraph the monitor's button shows. */
    public static String summary(BenchmarkReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%dx%d frames, %s. ", r.width(), r.height(),
                r.device().isEmpty() ? "no Vulkan device" : "Vulkan on " + r.device()));
        for (OperationResult o : r.operations()) {
            b.append(String.format(Locale.ROOT, "%s: Vulkan %.1f fps, CPU %.1f fps (%.2fx). ", o.operation(),
                    o.vulkanFps(), o.cpuFps(), o.ratio()));
        }
        if (!Double.isNaN(r.uploadMillis())) {
            b.append(String.format(Locale.ROOT, "Upload %.1f ms, readback %.1f ms a frame. ", r.uploadMillis(),
                    r.readbackMillis()));
        }
        b.append("Frames run on ").append(r.status().path()).append(" (").append(r.status().reason()).append(").");
        return b.toString();
    }
}
