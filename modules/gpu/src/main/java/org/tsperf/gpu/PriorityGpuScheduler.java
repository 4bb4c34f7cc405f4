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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.BatchFigures;
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
import org.tsperf.gpu.vulkan.VulkanFrameProcessor;

/**
 * The {@link GpuScheduler} service: one bounded queue per priority; workers (one per Vulkan context) always take
 * the most urgent waiting task whose working memory fits the budget (the device's budget on Vulkan, a quarter of the
 * heap limit on the CPU path; a task runs alone when it is bigger than the whole budget). A full queue rejects at
 * once (back-pressure). Small tasks (thumbnails, small-frame operations: {@link #SMALL_TASK_BYTES}) waiting together
 * run as one batch, one command buffer and one fence on Vulkan, taken in priority order (a batch starts with the most
 * urgent task and stops at the first waiting task that is not small), bounded by {@link #MAX_BATCH_TASKS} and
 * {@link #MAX_BATCH_BYTES}; each task keeps its own result or failure. Utilisation is the share of time workers were
 * busy over the last sampling interval.
 */
@ServiceProvider(service = GpuScheduler.class)
public final class PriorityGpuScheduler implements GpuScheduler {

    private static final Logger LOG = Logger.getLogger(PriorityGpuScheduler.class.getName());
    private static final Map<GpuPriority, Integer> DEFAULT_CAPACITY = Map.of(
            GpuPriority.VIEWER, 4, GpuPriority.RENDER, 16, GpuPriority.BACKGROUND, 64);

    /** Tasks with at most this working memory (a 640x360 chain and smaller) are small: they run in batches. */
    static final long SMALL_TASK_BYTES = 4L << 20;
    /** At most this many tasks in one batch: the viewer frame never waits behind more than one batch. */
    static final int MAX_BATCH_TASKS = 16;
    /** At most this much working memory in one batch. */
    static final long MAX_BATCH_BYTES = 32L << 20;

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
    private long batches;
    private long batchedTasks;
    private int largestBatch;

    public PriorityGpuScheduler() {
        this(() -> GpuRuntimes.get().runtime(), DEFAULT_CAPACITY, GpuRuntime.CONTEXTS);
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
        final int passes;
        final CompletableFuture<Frame> future = new CompletableFuture<>();

        Task(GpuPriority priority, Frame input, List<FrameOperation> operations) {
            this.priority = priority;
            this.input = input;
            this.operations = List.copyOf(operations);
            this.output = Chains.outputShape(input, this.operations);
            this.bytes = workingBytes(input, this.operations, output);
            this.passes = Chains.passes(this.operations);
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

    /**
     * The next small task that may join a batch: the head of the most urgent non-empty queue, if it is small and fits
     * the batch's and the scheduler's memory; else null (a less urgent task never overtakes a more urgent one).
     * Holds the lock.
     */
    private Task nextSmall(long budget, long batchBytes, int batchPasses) {
        for (GpuPriority p : GpuPriority.values()) {
            Task t = waiting.get(p).peekFirst();
            if (t == null) {
                continue;
            }
            if (t.bytes <= SMALL_TASK_BYTES && batchBytes + t.bytes <= MAX_BATCH_BYTES && reserved + t.bytes <= budget
                    && batchPasses + t.passes <= VulkanFrameProcessor.MAX_BATCH_PASSES) {
                waiting.get(p).pollFirst();
                return t;
            }
            return null;
        }
        return null;
    }

    private void work() {
        while (true) {
            List<Task> batch = new ArrayList<>();
            long budget = budget();
            lock.lock();
            try {
                Task task = null;
                while (!stopped && (task = next(budget)) == null) {
                    changed.await();
                }
                if (stopped || task == null) {
                    return;
                }
                long batchBytes = 0;
                int batchPasses = 0;
                while (task != null) {
                    batch.add(task);
                    batchBytes += task.bytes;
                    batchPasses += task.passes;
                    reserved += task.bytes;
                    running.merge(task.priority, 1, Integer::sum);
                    task = batch.get(0).bytes <= SMALL_TASK_BYTES && batch.size() < MAX_BATCH_TASKS
                            ? nextSmall(budget, batchBytes, batchPasses) : null;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            long start = System.nanoTime();
            Frame[] results = new Frame[batch.size()];
            Throwable[] errors = new Throwable[batch.size()];
            if (batch.size() == 1) {
                runAlone(batch.get(0), results, errors);
            } else {
                runBatch(batch, results, errors);
            }
            // count first, then complete: whoever waits on a future sees the counters already updated
            lock.lock();
            try {
                busyNanos += System.nanoTime() - start;
                if (batch.size() > 1) {
                    batches++;
                    batchedTasks += batch.size();
                    largestBatch = Math.max(largestBatch, batch.size());
                }
                for (int i = 0; i < batch.size(); i++) {
                    Task task = batch.get(i);
                    reserved -= task.bytes;
                    running.merge(task.priority, -1, Integer::sum);
                    if (results[i] != null) {
                        counters.get(task.priority)[0]++;
                    } else if (errors[i] != null) {
                        counters.get(task.priority)[2]++;
                    }
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            for (int i = 0; i < batch.size(); i++) {
                if (results[i] != null) {
                    batch.get(i).future.complete(results[i]);
                } else if (errors[i] != null) {
                    batch.get(i).future.completeExceptionally(errors[i]);
                }
            }
        }
    }

    private void runAlone(Task task, Frame[] results, Throwable[] errors) {
        try {
            if (!task.future.isDone()) {
                ByteBuffer out = ByteBuffer.allocateDirect((int) task.output.byteCount());
                results[0] = onRuntime(r -> r.process(task.input, task.operations, out));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(Level.WARNING, "a " + task.priority + " GPU task failed", e);
            errors[0] = e;
        }
    }

    /** Runs on the current runtime; once more on the new one when the runtime restarted (device choice) meanwhile. */
    private <T> T onRuntime(Function<GpuRuntime, T> work) {
        GpuRuntime r = runtime.get();
        try {
            return work.apply(r);
        } catch (IllegalStateException e) {
            if (!r.isClosed()) {
                throw e;
            }
            LOG.log(Level.FINE, "the GPU runtime restarted before this task ran; running it on the new one", e);
            return work.apply(runtime.get());
        }
    }

    /** Small tasks together: one submission on Vulkan; each task keeps its own result or failure. */
    private void runBatch(List<Task> batch, Frame[] results, Throwable[] errors) {
        List<BatchJob> jobs = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        try {
            for (int i = 0; i < batch.size(); i++) {
                Task t = batch.get(i);
                if (!t.future.isDone()) { // cancelled while waiting
                    jobs.add(new BatchJob(t.input, t.operations,
                            ByteBuffer.allocateDirect((int) t.output.byteCount())));
                    index.add(i);
                }
            }
            if (jobs.isEmpty()) {
                return;
            }
            List<BatchOutcome> outcomes = onRuntime(r -> r.processBatch(jobs));
            for (int k = 0; k < outcomes.size(); k++) {
                int i = index.get(k);
                BatchOutcome o = outcomes.get(k);
                if (o.failed()) {
                    LOG.log(Level.WARNING, "a " + batch.get(i).priority + " GPU task of a batch failed", o.error());
                    errors[i] = o.error();
                } else {
                    results[i] = o.frame();
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(Level.WARNING, "a batch of " + batch.size() + " GPU tasks failed", e);
            for (int i = 0; i < batch.size(); i++) {
                if (results[i] == null && !batch.get(i).future.isDone()) {
                    errors[i] = e;
                }
            }
        }
    }

    /** The batching figures, for the GPU Scheduler window and tests. May be called from any thread. */
    @Override
    public BatchFigures batchFigures() {
        long submits = runtime.get().vulkanSubmits();
        lock.lock();
        try {
            return new BatchFigures(batches, batchedTasks, largestBatch, submits);
        } finally {
            lock.unlock();
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
