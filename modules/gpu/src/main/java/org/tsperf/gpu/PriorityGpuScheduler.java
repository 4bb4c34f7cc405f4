package org.tsperf.gpu;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameShape;
import org.tsperf.api.gpu.GpuPriority;
import org.tsperf.api.gpu.GpuScheduler;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.SchedulerSnapshot;
import org.tsperf.api.gpu.SchedulerSnapshot.QueueState;
import org.tsperf.gpu.vulkan.VulkanDevice;

/**
 * The {@link GpuScheduler} service: one bounded queue per priority; workers (one per Vulkan context) always take
 * the most urgent waiting task whose working memory fits the budget (the device's budget on Vulkan, a quarter of the
 * heap limit on the CPU path; a task runs alone when it is bigger than the whole budget). A full queue rejects at
 * once (back-pressure). Utilisation is the share of time workers were busy over the last sampling interval.
 */
@ServiceProvider(service = GpuScheduler.class)
public final class PriorityGpuScheduler implements GpuScheduler {

    private static final Logger LOG = Logger.getLogger(PriorityGpuScheduler.class.getName());
    private static final Map<GpuPriority, Integer> DEFAULT_CAPACITY = Map.of(
            GpuPriority.VIEWER, 4, GpuPriority.RENDER, 16, GpuPriority.BACKGROUND, 64);

    private final Supplier<GpuRuntime> runtime;
    private final Map<GpuPriority, Integer> capacity;
    private final int workerCount;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<GpuPriority, ArrayDeque<Task>> waiting = new EnumMap<>(GpuPriority.class);
    private final Map<GpuPriority, long[]> counters = new EnumMap<>(GpuPriority.class); // completed, rejected, failed
    private final Map<GpuPriority, Integer> running = new EnumMap<>(GpuPriority.class);
    private final List<Thread> workers = new ArrayList<>();
    private long reserved;
    private long busyNanos;
    private long lastSampleTime = System.nanoTime();
    private long lastSampleBusy;
    private double utilisation;
    private boolean stopped;

    public PriorityGpuScheduler() {
        this(GpuRuntime::getDefault, DEFAULT_CAPACITY, GpuRuntime.CONTEXTS);
    }

    PriorityGpuScheduler(Supplier<GpuRuntime> runtime, Map<GpuPriority, Integer> capacity, int workers) {
        this.runtime = runtime;
        this.capacity = Map.copyOf(capacity);
        this.workerCount = workers;
        for (GpuPriority p : GpuPriority.values()) {
            waiting.put(p, new ArrayDeque<>());
            counters.put(p, new long[3]);
            running.put(p, 0);
        }
    }

    private final class Task {
        final GpuPriority priority;
        final Frame input;
        final List<FrameOperation> operations;
        final FrameShape output;
        final long bytes;
        final CompletableFuture<Frame> future = new CompletableFuture<>();

        Task(GpuPriority priority, Frame input, List<FrameOperation> operations) {
            this.priority = priority;
            this.input = input;
            this.operations = List.copyOf(operations);
            this.output = Chains.outputShape(input, this.operations);
            this.bytes = workingBytes(input, this.operations, output);
        }
    }

    /** Working memory of a chain: input, two RGBA ping-pong buffers of the largest size, output, blur floats. */
    static long workingBytes(Frame input, List<FrameOperation> ops, FrameShape output) {
        long largest = PixelFormat.RGBA8.frameBytes(input.width(), input.height());
        boolean blur = false;
        for (FrameOperation op : ops) {
            if (op instanceof FrameOperation.Scale s) {
                largest = Math.max(largest, PixelFormat.RGBA8.frameBytes(s.width(), s.height()));
            }
            blur |= op instanceof GaussianBlur;
        }
        return 2 * input.byteCount() + 2 * largest + 2 * output.byteCount() + (blur ? 4 * largest : 0);
    }

    @Override
    public CompletableFuture<Frame> submit(GpuPriority priority, Frame input, List<FrameOperation> operations) {
        Task task;
        try {
            task = new Task(priority, input, operations);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        lock.lock();
        try {
            if (stopped) {
                return CompletableFuture.failedFuture(new RejectedExecutionException(
                        "the GPU scheduler is shut down (GPU module disabled)"));
            }
            ArrayDeque<Task> queue = waiting.get(priority);
            if (queue.size() >= capacity.get(priority)) {
                counters.get(priority)[1]++;
                return CompletableFuture.failedFuture(new RejectedExecutionException("the " + priority
                        + " GPU queue is full (" + queue.size() + " waiting): drop this frame or retry later"));
            }
            startWorkers();
            queue.addLast(task);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        task.future.whenComplete((f, e) -> {
            if (task.future.isCancelled()) {
                lock.lock();
                try {
                    waiting.get(priority).remove(task);
                } finally {
                    lock.unlock();
                }
            }
        });
        return task.future;
    }

    private void startWorkers() {
        if (!workers.isEmpty()) {
            return;
        }
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, "tsperf-gpu-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    private long budget() {
        GpuRuntime r = runtime.get();
        if (r.peekStatus().path() == ProcessingPath.VULKAN && r.vulkanReady()) {
            VulkanDevice vk = r.vulkan();
            if (vk != null) {
                long b = vk.memoryBudget()[1];
                if (b > 0) {
                    return b;
                }
            }
        }
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** The most urgent task that fits the memory budget, or null. Holds the lock. */
    private Task next(long budget) {
        int runningTotal = running.values().stream().mapToInt(Integer::intValue).sum();
        for (GpuPriority p : GpuPriority.values()) {
            Task t = waiting.get(p).peekFirst();
            if (t != null && (reserved + t.bytes <= budget || runningTotal == 0)) {
                waiting.get(p).pollFirst();
                return t;
            }
            if (t != null) {
                return null; // the most urgent task waits for memory; do not let less urgent ones overtake it
            }
        }
        return null;
    }

    private void work() {
        while (true) {
            Task task = null;
            long budget = budget();
            lock.lock();
            try {
                while (!stopped && (task = next(budget)) == null) {
                    changed.await();
                }
                if (stopped || task == null) {
                    return;
                }
                reserved += task.bytes;
                running.merge(task.priority, 1, Integer::sum);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            long start = System.nanoTime();
            Frame result = null;
            Throwable error = null;
            try {
                if (!task.future.isDone()) {
                    ByteBuffer out = ByteBuffer.allocateDirect((int) task.output.byteCount());
                    result = runtime.get().process(task.input, task.operations, out);
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.log(Level.WARNING, "a " + task.priority + " GPU task failed", e);
                error = e;
            }
            // count first, then complete: whoever waits on the future sees the counters already updated
            lock.lock();
            try {
                busyNanos += System.nanoTime() - start;
                reserved -= task.bytes;
                running.merge(task.priority, -1, Integer::sum);
                if (result != null) {
                    counters.get(task.priority)[0]++;
                } else if (error != null) {
                    counters.get(task.priority)[2]++;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (result != null) {
                task.future.complete(result);
            } else if (error != null) {
                task.future.completeExceptionally(error);
            }
        }
    }

    @Override
    public SchedulerSnapshot snapshot() {
        long budget = budget();
        lock.lock();
        try {
            long now = System.nanoTime();
            if (now - lastSampleTime >= 500_000_000L) {
                utilisation = Math.min(100, 100.0 * (busyNanos - lastSampleBusy)
                        / ((double) (now - lastSampleTime) * workerCount));
                lastSampleTime = now;
                lastSampleBusy = busyNanos;
            }
            List<QueueState> queues = new ArrayList<>();
            for (GpuPriority p : GpuPriority.values()) {
                long[] c = counters.get(p);
                queues.add(new QueueState(p, waiting.get(p).size(), running.get(p), capacity.get(p), c[0], c[1], c[2]));
            }
            return new SchedulerSnapshot(queues, workerCount, reserved, budget, Math.max(0, utilisation),
                    runtime.get().peekStatus().path());
        } finally {
            lock.unlock();
        }
    }

    /** Stops the workers; waiting tasks fail. For module shutdown and tests. */
    public void shutdown() {
        List<Task> dropped = new ArrayList<>();
        lock.lock();
        try {
            stopped = true;
            for (ArrayDeque<Task> q : waiting.values()) {
                dropped.addAll(q);
                q.clear();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Task t : dropped) {
            t.future.completeExceptionally(new RejectedExecutionException("the GPU scheduler shut down"));
        }
        for (Thread t : workers) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
