package org.tsperf.gpu;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.ProcessorStatus;
import org.tsperf.gpu.cpu.CpuFrameProcessor;
import org.tsperf.gpu.vulkan.DeviceLimitException;
import org.tsperf.gpu.vulkan.VulkanDevice;
import org.tsperf.gpu.vulkan.VulkanFrameProcessor;
import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.gpu.vulkan.VulkanOptions;
import org.tsperf.gpu.vulkan.VulkanUnavailableException;

/**
 * The module's engine: Vulkan opened lazily (or the reason it cannot be), a small pool of Vulkan contexts, the CPU
 * reference (multi- and single-threaded), and the path in use, decided once at first use by {@link PathChoice}. A
 * Vulkan failure while running switches to the CPU for good, with the reason. The module's one runtime is held by
 * {@link GpuRuntimes}. Thread-safe.
 */
public final class GpuRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GpuRuntime.class.getName());
    static final int CONTEXTS = 2;

    private final VulkanOptions options;
    private final String forcedPath;
    private final String userChoice;
    private int activeCalls;
    private final CpuFrameProcessor cpu;
    private final CpuFrameProcessor cpuSingle;
    private final BlockingQueue<VulkanFrameProcessor> idleContexts = new ArrayBlockingQueue<>(CONTEXTS);
    private final List<VulkanFrameProcessor> contexts = new ArrayList<>();
    private VulkanDevice vulkan;
    private String vulkanProblem;
    private boolean vulkanTried;
    private volatile ProcessorStatus status;
    /** Whether {@link #status} is the automatic choice (measured or benchmarked), which a benchmark may change. */
    private boolean automatic;
    /** Set when Vulkan failed and frames went to the CPU for good: no benchmark brings Vulkan back. */
    private boolean failedOver;
    /** The newest benchmark of this process, which the automatic choice follows; null when none ran. */
    private BenchmarkReport benchmark;
    private CompletableFuture<Void> opening;
    private boolean closing;
    private boolean closed;

    public GpuRuntime(VulkanOptions options, String forcedPath) {
        this(options, forcedPath, DeviceChoice.AUTOMATIC);
    }

    /**
     * @param userChoice the choice made in the GPU Scheduler window ({@link DeviceChoice}): the CPU reference, a
     *                   device (the options already prefer it; frames then run on it), or automatic
     */
    public GpuRuntime(VulkanOptions options, String forcedPath, String userChoice) {
        this.options = options;
        this.forcedPath = forcedPath == null ? "auto" : forcedPath.toLowerCase(Locale.ROOT);
        this.userChoice = userChoice == null ? DeviceChoice.AUTOMATIC : userChoice;
        this.cpu = new CpuFrameProcessor(Runtime.getRuntime().availableProcessors());
        this.cpuSingle = new CpuFrameProcessor(1);
    }

    /** Opens Vulkan once; null when it cannot be used ({@link #vulkanProblem()} says why). */
    public synchronized VulkanDevice vulkan() {
        if (closed) {
            throw new IllegalStateException("the GPU runtime is shut down");
        }
        if (!vulkanTried) {
            vulkanTried = true;
            try {
                vulkan = VulkanDevice.open(options);
            } catch (VulkanUnavailableException e) {
                vulkanProblem = e.getMessage();
                LOG.log(Level.WARNING, "Vulkan unavailable, frame operations use the CPU: {0}", vulkanProblem);
                LOG.log(Level.FINE, "Vulkan start failure", e);
            } catch (RuntimeException | LinkageError e) {
                vulkanProblem = "Vulkan failed to start: " + e;
                LOG.log(Level.WARNING, "Vulkan unavailable, frame operations use the CPU", e);
            }
        }
        return vulkan;
    }

    /** Whether Vulkan has been opened (or tried) already; never blocks. */
    public synchronized boolean vulkanReady() {
        return vulkanTried;
    }

    /** Whether Vulkan is open, tried, or being opened: something in this process asked for the GPU. */
    public synchronized boolean vulkanRequested() {
        return vulkanTried || opening != null;
    }

    /** Opens Vulkan in the background (for samplers that must not block). */
    public synchronized CompletableFuture<Void> openInBackground() {
        if (opening == null) {
            opening = CompletableFuture.runAsync(this::vulkan);
        }
        return opening;
    }

    public synchronized String vulkanProblem() {
        return vulkanProblem == null ? "" : vulkanProblem;
    }

    public CpuFrameProcessor cpu() {
        return cpu;
    }

    public CpuFrameProcessor cpuSingleThread() {
        return cpuSingle;
    }

    /** The path in use and why; measures at the first call. */
    public ProcessorStatus status() {
        ProcessorStatus s = status;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (status == null) {
                status = PathChoice.decide(this, forcedPath, userChoice, benchmark);
                automatic = PathChoice.automatic(this, forcedPath, userChoice) && !status.reason().startsWith("CPU fallback");
                LOG.info("Frame operations run on " + status.path() + ": " + status.reason());
            }
            return status;
        }
    }

    /**
     * Takes a finished GPU benchmark into account: where the path is the automatic choice, it becomes the path the
     * benchmark found faster on this device (a choice made by the user or a system property stays, and so does the
     * CPU after a Vulkan failure; the GPU Scheduler window says why they differ). A runtime that has not decided yet
     * decides by this benchmark. Returns the status now (undecided: {@link #peekStatus()}).
     */
    public synchronized ProcessorStatus followBenchmark(BenchmarkReport report) {
        benchmark = report;
        ProcessorStatus s = status;
        if (s != null && automatic && !failedOver && vulkan != null
                && PathChoice.decides(report, vulkan.deviceName())) {
            ProcessorStatus measured = Double.isNaN(s.vulkanMillis()) ? null : s;
            status = PathChoice.fromBenchmark(report, measured);
            if (status.path() != s.path()) {
                LOG.info("Frame operations now run on " + status.path() + ": " + status.reason());
            }
        }
        return peekStatus();
    }

    /** The status without measuring (for views that must not block): undecided until the first use. */
    public ProcessorStatus peekStatus() {
        ProcessorStatus s = status;
        if (s != null) {
            return s;
        }
        return new ProcessorStatus(ProcessingPath.CPU, "", "not measured yet (decided at the first frame)", Double.NaN,
                Double.NaN, false);
    }

    /** Runs on the chosen path; a Vulkan failure switches to the CPU for good and the frame is redone there. */
    public Frame process(Frame in, List<FrameOperation> ops, ByteBuffer target) {
        enter();
        try {
            return processNow(in, ops, target);
        } finally {
            exit();
        }
    }

    private Frame processNow(Frame in, List<FrameOperation> ops, ByteBuffer target) {
        ProcessorStatus s = status();
        if (s.path() == ProcessingPath.VULKAN) {
            try {
                return processOnNow(in, ops, target, ProcessingPath.VULKAN);
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (DeviceLimitException e) {
                LOG.log(Level.FINE, "frame beyond the device's limits, done on the CPU: {0}", e.getMessage());
                return processOnNow(in, ops, target, ProcessingPath.CPU);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Vulkan failed on a frame; switching to the CPU path", e);
                fallBackToCpu(s, e);
            }
        }
        return processOnNow(in, ops, target, ProcessingPath.CPU);
    }

    private synchronized void fallBackToCpu(ProcessorStatus s, RuntimeException e) {
        failedOver = true;
        status = new ProcessorStatus(ProcessingPath.CPU, s.device(), "CPU fallback: Vulkan failed: " + e.getMessage(),
                s.vulkanMillis(), s.cpuMillis(), true);
    }

    /**
     * Runs several small chains as one batch on the chosen path: on Vulkan one command buffer, one submission and one
     * fence for all of them; on the CPU one after the other. Each job has its own outcome: a job beyond the device's
     * limits is redone on the CPU, an invalid one fails alone. A Vulkan failure of the whole batch switches to the CPU
     * for good (as {@link #process} does) and the batch is redone there.
     */
    public List<BatchOutcome> processBatch(List<BatchJob> jobs) {
        enter();
        try {
            return processBatchNow(jobs);
        } finally {
            exit();
        }
    }

    private List<BatchOutcome> processBatchNow(List<BatchJob> jobs) {
        ProcessorStatus s = status();
        if (s.path() == ProcessingPath.VULKAN) {
            List<BatchOutcome> outcomes = null;
            try {
                VulkanFrameProcessor ctx = borrow();
                try {
                    outcomes = ctx.processBatch(jobs);
                } finally {
                    idleContexts.offer(ctx);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Vulkan failed on a batch of " + jobs.size() + " frames; switching to the CPU"
                        + " path", e);
                fallBackToCpu(s, e);
            }
            if (outcomes != null) {
                List<BatchOutcome> done = new ArrayList<>(outcomes.size());
                for (int i = 0; i < outcomes.size(); i++) {
                    BatchOutcome o = outcomes.get(i);
                    if (o.error() instanceof DeviceLimitException) {
                        LOG.log(Level.FINE, "frame beyond the device's limits, done on the CPU: {0}",
                                o.error().getMessage());
                        o = onCpu(jobs.get(i));
                    }
                    done.add(o);
                }
                return done;
            }
        }
        List<BatchOutcome> done = new ArrayList<>(jobs.size());
        for (BatchJob j : jobs) {
            done.add(onCpu(j));
        }
        return done;
    }

    private BatchOutcome onCpu(BatchJob job) {
        try {
            return BatchOutcome.of(cpu.process(job.input(), job.operations(), job.target()));
        } catch (RuntimeException e) {
            return BatchOutcome.failed(e);
        }
    }

    /** Command buffers submitted to the Vulkan device so far; 0 while Vulkan is not open. Never opens it. */
    public synchronized long vulkanSubmits() {
        return vulkan == null ? 0 : vulkan.submitCount();
    }

    /** Runs on the given path (benchmarks and tests). */
    public Frame processOn(Frame in, List<FrameOperation> ops, ByteBuffer target, ProcessingPath path) {
        enter();
        try {
            return processOnNow(in, ops, target, path);
        } finally {
            exit();
        }
    }

    /** Runs on the given path without counting the call (the caller counts it: {@link PathChoice} measuring). */
    Frame processOnNow(Frame in, List<FrameOperation> ops, ByteBuffer target, ProcessingPath path) {
        if (path == ProcessingPath.CPU) {
            return cpu.process(in, ops, target);
        }
        VulkanFrameProcessor ctx = borrow();
        try {
            return ctx.process(in, ops, target);
        } finally {
            idleContexts.offer(ctx);
        }
    }

    /** Counts a call that uses the runtime; fails once it is closed (a restart: the caller takes the new one). */
    private synchronized void enter() {
        if (closing) {
            throw new IllegalStateException("the GPU runtime is shut down");
        }
        activeCalls++;
    }

    private synchronized void exit() {
        activeCalls--;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closing;
    }

    /** A Vulkan context, created up to {@link #CONTEXTS}; waits for one when all are busy. */
    VulkanFrameProcessor borrow() {
        VulkanDevice vk = vulkan();
        if (vk == null) {
            throw new IllegalStateException("Vulkan is not available: " + vulkanProblem());
        }
        VulkanFrameProcessor ctx = idleContexts.poll();
        if (ctx != null) {
            return ctx;
        }
        synchronized (this) {
            if (contexts.size() < CONTEXTS) {
                ctx = new VulkanFrameProcessor(vk);
                contexts.add(ctx);
                return ctx;
            }
        }
        try {
            return idleContexts.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Vulkan context", e);
        }
    }

    void giveBack(VulkanFrameProcessor ctx) {
        idleContexts.offer(ctx);
    }

    /** Bytes held by the Vulkan contexts' buffers. */
    public synchronized long contextBytes() {
        return contexts.stream().mapToLong(VulkanFrameProcessor::allocatedBytes).sum();
    }

    public synchronized int contextCount() {
        return contexts.size();
    }

    @Override
    public void close() {
        VulkanDevice vk;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true; // new calls fail; the running ones finish on this runtime first
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (activeCalls > 0 && System.nanoTime() < deadline) { // let running frames finish on this runtime
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    LOG.log(Level.WARNING, "interrupted while waiting for running GPU calls; closing now", e);
                    break;
                }
            }
            if (activeCalls > 0) {
                LOG.warning(activeCalls + " GPU calls still running after 10 s; closing Vulkan under them");
            }
            closed = true;
            vk = vulkan;
            vulkan = null;
        }
        if (vk != null) {
            vk.close(); // waits for the queue and closes the contexts first
        }
        cpu.close();
        cpuSingle.close();
    }
}
