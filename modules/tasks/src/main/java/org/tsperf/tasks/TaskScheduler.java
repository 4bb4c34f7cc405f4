package org.tsperf.tasks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.tasks.LoadSource;
import org.tsperf.api.tasks.QueueInfo;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.SystemLoad;
import org.tsperf.api.tasks.TaskCounts;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskListener;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskProgress;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.util.Workbench;

/**
 * The background task system. One priority queue and one worker pool per {@link TaskType}; a task starts when a
 * worker of its queue is free, its dependencies are done, the user is not busy (unless it is critical) and the
 * machine has capacity for its estimate. Starts happen inline on submit and on completion (low latency) and on a
 * 250 ms tick that also runs the watchdog and the cancellation grace period.
 */
@ServiceProvider(service = TaskService.class)
public final class TaskScheduler implements TaskService {

    private static final Logger LOG = Logger.getLogger(TaskScheduler.class.getName());
    /** Effective priority rises by this per second of waiting: a LOW task overtakes new NORMAL ones in 3 min. */
    static final double AGEING_PER_SECOND = 0.05;
    static final int MAX_ATTEMPTS = 3;
    static final int HISTORY_KEPT = TaskJournal.FINISHED_KEPT;
    /** How many queued tasks one start looks at past the head: bounds the cost of a start with a long queue. */
    private static final int SCAN_LIMIT = 64;
    /** Load from a task shows in the sampled load about this long after it starts; until then it is reserved. */
    private static final long RESERVE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Lookup lookup;
    private final Config config;
    private final TaskJournal journal;
    private final CapacityPolicy capacity = new CapacityPolicy();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition tick = lock.newCondition();
    private final Map<TaskType, TreeSet<TaskEntry>> queues = new EnumMap<>(TaskType.class);
    private final Map<TaskType, ThreadPoolExecutor> pools = new EnumMap<>(TaskType.class);
    private final Map<TaskType, Integer> busyWorkers = new EnumMap<>(TaskType.class);
    /** Worker count per queue: the configured one until {@link #setWorkers} changes it. Guarded by the lock. */
    private final Map<TaskType, Integer> workers = new EnumMap<>(TaskType.class);
    private final Map<TaskId, TaskEntry> active = new LinkedHashMap<>();
    /** Entries whose attempt has not returned yet, including ones the watchdog already failed. */
    private final Set<TaskEntry> running = new java.util.LinkedHashSet<>();
    private final LinkedHashMap<TaskId, TaskEntry> history = new LinkedHashMap<>();
    private final Map<TaskId, List<TaskEntry>> dependants = new HashMap<>();
    private final List<TaskEntry> withoutHandler = new ArrayList<>();
    private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread ticker;
    private final Lookup.Result<TaskHandler> handlers;
    private volatile Map<String, TaskHandler> handlersByKind;
    private long sequence;
    private boolean paused;
    private int holds;
    private boolean closing;
    private int finishedSinceTrim;

    /** The application's scheduler, journalled in the user directory (none in a plain JVM without one). */
    public TaskScheduler() {
        this(Lookup.getDefault(), defaultJournalFile(), Config.defaults());
    }

    TaskScheduler(Lookup lookup, Path journalFile, Config config) {
        this.lookup = lookup;
        this.config = config;
        this.journal = openJournal(journalFile);
        for (TaskType type : TaskType.values()) {
            queues.put(type, new TreeSet<>(Comparator.comparingDouble((TaskEntry e) -> -e.agedKey)
                    .thenComparingLong(e -> e.sequence)));
            int n = config.workers().get(type);
            workers.put(type, n);
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "tsperf-" + type.name().toLowerCase().replace('_', '-')
                                + "-worker-" + count.incrementAndGet());
                        t.setDaemon(true);
                        t.setPriority(Thread.NORM_PRIORITY - 1); // the UI and playback come first
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            pools.put(type, pool);
            busyWorkers.put(type, 0);
        }
        handlers = lookup.lookupResult(TaskHandler.class);
        handlers.addLookupListener(ev -> {
            handlersByKind = indexHandlers();
            retryWithoutHandler();
        });
        handlersByKind = indexHandlers();
        if (journal != null) {
            recover(journal.readAll());
        }
        ticker = new Thread(this::tickLoop, "tsperf-task-scheduler");
        ticker.setDaemon(true);
        ticker.start();
    }

    private static Path defaultJournalFile() {
        String explicit = System.getProperty("tsperf.tasks.journal");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return Workbench.userDirectory().map(TaskJournals::journalIn).orElse(null);
    }

    private static TaskJournal openJournal(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return TaskJournal.openOrReplaceDamaged(file);
        } catch (IOException ex) {
            // tasks still run; they are only not remembered across a crash, and the log says why
            LOG.log(Level.WARNING, "Background tasks run without a journal: " + ex.getMessage(), ex);
            return null;
        }
    }

    // ---- TaskService ---------------------------------------------------------------------------------------

    @Override
    public TaskCounts counts() {
        lock.lock();
        try {
            int n = 0;
            for (TaskEntry e : running) {
                if (e.state == TaskState.RUNNING) {
                    n++;
                }
            }
            return new TaskCounts(n, active.size() - n);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TaskId submit(TaskSpec spec) {
        List<TaskInfo> events = new ArrayList<>();
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("the task system is shutting down; '" + spec.title() + "' was not queued");
            }
            if (active.containsKey(spec.id()) || history.containsKey(spec.id())) {
                throw new IllegalArgumentException("a task with id " + spec.id() + " exists already");
            }
            Instant now = Instant.now();
            TaskEntry entry = newEntry(spec, now, TaskState.QUEUED, 0);
            journal(entry);
            enqueue(entry, events);
            dispatch(events);
        } finally {
            lock.unlock();
        }
        fire(events);
        return spec.id();
    }

    @Override
    public CompletableFuture<TaskInfo> completion(TaskId id) {
        lock.lock();
        try {
            TaskEntry e = find(id);
            if (e == null) {
                throw new IllegalArgumentException("unknown task " + id);
            }
            return e.completion.copy();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean cancel(TaskId id, String reason) {
        List<TaskInfo> events = new ArrayList<>();
        lock.lock();
        try {
            TaskEntry e = active.get(id);
            if (e == null) {
                return false;
            }
            if (e.state == TaskState.RUNNING) {
                RunningTask rt = e.running;
                if (!rt.cancelled) {
                    rt.cancelReason = reason;
                    rt.cancelRequestedNanos = System.nanoTime();
                    rt.cancelled = true;
                    e.reason = "cancelling: " + reason;
                    events.add(e.info());
                }
            } else {
                removeWaiting(e);
                end(e, TaskState.CANCELLED, reason, events);
                dispatch(events);
            }
            return true;
        } finally {
            lock.unlock();
            fire(events);
        }
    }

    @Override
    public Optional<TaskInfo> task(TaskId id) {
        lock.lock();
        try {
            return Optional.ofNullable(find(id)).map(TaskEntry::info);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<TaskInfo> tasks() {
        lock.lock();
        try {
            List<TaskInfo> out = new ArrayList<>(active.size() + history.size());
            active.values().stream()
                    .sorted(Comparator.comparing((TaskEntry e) -> e.state != TaskState.RUNNING)
                            .thenComparingDouble(e -> -e.agedKey).thenComparingLong(e -> e.sequence))
                    .forEach(e -> out.add(e.info()));
            List<TaskEntry> finished = new ArrayList<>(history.values());
            for (int i = finished.size() - 1; i >= 0; i--) {
                out.add(finished.get(i).info());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<QueueInfo> queues() {
        lock.lock();
        try {
            Map<TaskType, int[]> figures = new EnumMap<>(TaskType.class);
            for (TaskType t : TaskType.values()) {
                figures.put(t, new int[2]);
            }
            for (TaskEntry e : active.values()) {
                figures.get(e.spec.type())[e.state == TaskState.RUNNING ? 1 : 0]++;
            }
            List<QueueInfo> out = new ArrayList<>();
            for (TaskType t : TaskType.values()) {
                out.add(new QueueInfo(t, figures.get(t)[0], figures.get(t)[1], workers.get(t)));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setPaused(boolean paused) {
        List<TaskInfo> events = new ArrayList<>();
        lock.lock();
        try {
            this.paused = paused;
            LOG.log(Level.INFO, "background tasks {0}", paused ? "paused" : "resumed");
            dispatch(events);
        } finally {
            lock.unlock();
        }
        fire(events);
    }

    @Override
    public void setWorkers(TaskType type, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a queue needs at least one worker, got " + count);
        }
        List<TaskInfo> events = new ArrayList<>();
        lock.lock();
        try {
            ThreadPoolExecutor pool = pools.get(type);
            if (count > pool.getMaximumPoolSize()) {
                pool.setMaximumPoolSize(count);
                pool.setCorePoolSize(count);
            } else {
                pool.setCorePoolSize(count);
                pool.setMaximumPoolSize(count);
            }
            workers.put(type, count);
            dispatch(events);
        } finally {
            lock.unlock();
        }
        fire(events);
    }

    @Override
    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Hold userBusy(String why) {
        lock.lock();
        try {
            holds++;
            LOG.log(Level.FINE, "user busy ({0}): only critical tasks start", why);
        } finally {
            lock.unlock();
        }
        return new Hold() {
            private boolean closed;

            @Override
            public void close() {
                List<TaskInfo> events = new ArrayList<>();
                lock.lock();
                try {
                    if (!closed) {
                        closed = true;
                        holds--;
                        dispatch(events);
                    }
                } finally {
                    lock.unlock();
                }
                fire(events);
            }
        };
    }

    @Override
    public void addListener(TaskListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(TaskListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops starting tasks, interrupts the running ones and closes the journal. Tasks that were queued or running
     * stay so in the journal and are found again at the next start.
     */
    public void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            tick.signalAll();
        } finally {
            lock.unlock();
        }
        pools.values().forEach(ThreadPoolExecutor::shutdownNow);
        for (ThreadPoolExecutor pool : pools.values()) {
            try {
                if (!pool.awaitTermination(config.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warning("a background task did not stop within the grace period at shutdown");
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (journal != null) {
            journal.close();
        }
    }

    // ---- scheduling ----------------------------------------------------------------------------------------

    private TaskEntry newEntry(TaskSpec spec, Instant submitted, TaskState state, int attempts) {
        double agedKey = spec.priority().weight() - AGEING_PER_SECOND * (submitted.toEpochMilli() / 1000.0);
        TaskEntry e = new TaskEntry(spec, sequence++, agedKey, submitted, state, attempts);
        active.put(spec.id(), e);
        return e;
    }

    /** Puts a task where it waits: behind its dependencies, or in its queue. */
    private void enqueue(TaskEntry e, List<TaskInfo> events) {
        Set<TaskId> pending = new HashSet<>();
        for (TaskId dep : e.spec.dependsOn()) {
            TaskEntry d = find(dep);
            if (d == null) {
                end(e, TaskState.CANCELLED, "it depends on task " + dep + ", which is unknown", events);
                return;
            }
            if (d.state == TaskState.FAILED || d.state == TaskState.CANCELLED) {
                end(e, TaskState.CANCELLED, dependencyReason(d), events);
                return;
            }
            if (d.state != TaskState.DONE) {
                pending.add(dep);
            }
        }
        if (!pending.isEmpty()) {
            for (TaskId dep : pending) {
                dependants.computeIfAbsent(dep, k -> new ArrayList<>()).add(e);
            }
            e.state = TaskState.WAITING_FOR_DEPENDENCIES;
            e.reason = "waiting for " + pending.size() + " task(s) to finish";
        } else {
            if (e.state != TaskState.INTERRUPTED) {
                e.state = TaskState.QUEUED;
                e.reason = "";
            }
            queues.get(e.spec.type()).add(e);
        }
        events.add(e.info());
    }

    /** Starts what may start now. Called with the lock held. */
    private void dispatch(List<TaskInfo> events) {
        if (closing || paused) {
            return;
        }
        SystemLoad live = null;
        for (TaskType type : TaskType.values()) {
            TreeSet<TaskEntry> queue = queues.get(type);
            while (busyWorkers.get(type) < workers.get(type) && !queue.isEmpty()) {
                if (live == null) {
                    live = currentLoad();
                }
                TaskEntry next = pick(type, queue, live, events);
                if (next == null) {
                    break;
                }
                start(next, events);
            }
        }
    }

    /** The first task of the queue that may start now, or null; marks the ones that must wait as deferred. */
    private TaskEntry pick(TaskType type, TreeSet<TaskEntry> queue, SystemLoad live, List<TaskInfo> events) {
        ResourceEstimate reserved = reserved();
        long now = System.nanoTime();
        int scanned = 0;
        for (Iterator<TaskEntry> it = queue.iterator(); it.hasNext() && scanned < SCAN_LIMIT; scanned++) {
            TaskEntry e = it.next();
            if (holds > 0 && e.spec.priority() != TaskPriority.CRITICAL) {
                defer(e, "the user is busy (playback or editing); background work waits", events);
                continue;
            }
            if (handlerFor(e.spec.kind()) == null) {
                it.remove();
                withoutHandler.add(e);
                defer(e, "no handler for tasks of kind '" + e.spec.kind()
                        + "': install or enable the module that provides it (Tools > Plugins)", events);
                continue;
            }
            String wait = capacity.analyze(live, reserved, e.spec.estimate());
            if (wait == null) {
                return e;
            }
            boolean head = scanned == 0;
            long deferredFor = e.deferredSinceNanos == 0 ? 0 : now - e.deferredSinceNanos;
            if (head && deferredFor > config.maxDeferral().toNanos() && busyWorkers.get(type) == 0) {
                // adjustForCapacity: never starve: after the longest deferral it runs, alone in its queue
                LOG.log(Level.INFO, "''{0}'' starts despite load after waiting {1} s: {2}",
                        new Object[] {e.spec.title(), TimeUnit.NANOSECONDS.toSeconds(deferredFor), wait});
                return e;
            }
            defer(e, wait, events);
            if (head && deferredFor > config.maxDeferral().toNanos()) {
                return null; // the long-waiting head keeps its place: nothing overtakes it any more
            }
        }
        return null;
    }

    private void defer(TaskEntry e, String reason, List<TaskInfo> events) {
        if (e.deferredSinceNanos == 0) {
            e.deferredSinceNanos = System.nanoTime();
        }
        if (e.state != TaskState.DEFERRED || !e.reason.equals(reason)) {
            e.state = TaskState.DEFERRED;
            e.reason = reason;
            events.add(e.info());
        }
    }

    private ResourceEstimate reserved() {
        ResourceEstimate sum = ResourceEstimate.TRIVIAL;
        long now = System.nanoTime();
        for (TaskEntry e : running) {
            if (e.running != null && now - e.running.startedNanos < RESERVE_NANOS) {
                sum = CapacityPolicy.plus(sum, e.spec.estimate());
            }
        }
        return sum;
    }

    private SystemLoad currentLoad() {
        LoadSource source = lookup.lookup(LoadSource.class);
        if (source == null) {
            return SystemLoad.IDLE;
        }
        try {
            return source.current();
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "load source " + source.getClass().getName() + " failed; assuming an idle machine", ex);
            return SystemLoad.IDLE;
        }
    }

    private TaskHandler handlerFor(String kind) {
        return handlersByKind.get(kind);
    }

    /** The first handler in Lookup order wins for a kind. */
    private Map<String, TaskHandler> indexHandlers() {
        Map<String, TaskHandler> byKind = new HashMap<>();
        for (TaskHandler h : handlers.allInstances()) {
            byKind.putIfAbsent(h.kind(), h);
        }
        return byKind;
    }

    private void start(TaskEntry e, List<TaskInfo> events) {
        TaskHandler handler = handlerFor(e.spec.kind());
        queues.get(e.spec.type()).remove(e);
        e.attempts++;
        e.state = TaskState.RUNNING;
        e.reason = "";
        e.started = Instant.now();
        e.deferredSinceNanos = 0;
        e.progress = TaskProgress.NONE;
        RunningTask rt = new RunningTask(this, e, e.attempts);
        e.running = rt;
        busyWorkers.merge(e.spec.type(), 1, Integer::sum);
        running.add(e);
        journal(e);
        events.add(e.info());
        pools.get(e.spec.type()).execute(() -> run(e, rt, handler));
    }

    private void run(TaskEntry e, RunningTask rt, TaskHandler handler) {
        rt.thread = Thread.currentThread();
        TaskState outcome;
        String reason;
        try {
            handler.run(e.spec, rt);
            outcome = TaskState.DONE;
            reason = "";
        } catch (CancellationException ex) {
            outcome = rt.failureReason != null ? TaskState.FAILED : TaskState.CANCELLED;
            reason = rt.failureReason != null ? rt.failureReason : rt.cancelReason;
        } catch (InterruptedException ex) {
            outcome = rt.failureReason != null ? TaskState.FAILED : rt.cancelled ? TaskState.CANCELLED : TaskState.FAILED;
            reason = rt.failureReason != null ? rt.failureReason : rt.cancelled ? rt.cancelReason : "interrupted";
        } catch (Exception | Error ex) {
            if (rt.cancelled && rt.failureReason == null && Thread.currentThread().isInterrupted()) {
                outcome = TaskState.CANCELLED;
                reason = rt.cancelReason;
            } else {
                outcome = TaskState.FAILED;
                reason = rt.failureReason != null ? rt.failureReason : describe(ex);
                LOG.log(Level.INFO, "task '" + e.spec.title() + "' failed: " + reason, ex);
            }
            if (ex instanceof VirtualMachineError) {
                throw (VirtualMachineError) ex;
            }
        } finally {
            rt.thread = null;
            Thread.interrupted(); // a late interrupt must not reach the next task on this worker
        }
        finished(e, rt, outcome, reason);
    }

    private static String describe(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    private void finished(TaskEntry e, RunningTask rt, TaskState outcome, String reason) {
        List<TaskInfo> events = new ArrayList<>();
        lock.lock();
        try {
            busyWorkers.merge(e.spec.type(), -1, Integer::sum);
            running.remove(e);
            if (e.running == rt && !e.state.isFinal()) {
                if (closing) {
                    // shutting down: the journal keeps it as running, so the next start resumes it
                    active.remove(e.spec.id());
                    e.completion.complete(e.info());
                } else {
                    end(e, outcome, reason, events);
                }
            }
            dispatch(events);
        } finally {
            lock.unlock();
        }
        fire(events);
    }

    /** Ends a task: final state, journal, history, completion, and its dependants. Lock held. */
    private void end(TaskEntry e, TaskState state, String reason, List<TaskInfo> events) {
        e.state = state;
        e.reason = reason == null ? "" : reason;
        e.ended = Instant.now();
        if (state == TaskState.DONE && e.progress.total() > 0) {
            e.progress = new TaskProgress(e.progress.total(), e.progress.total(), e.progress.unitsPerSecond(), "");
        }
        active.remove(e.spec.id());
        history.put(e.spec.id(), e);
        while (history.size() > HISTORY_KEPT) {
            history.remove(history.keySet().iterator().next());
        }
        journal(e);
        if (journal != null && ++finishedSinceTrim >= 100) {
            finishedSinceTrim = 0;
            journal.trimHistory();
        }
        events.add(e.info());
        e.completion.complete(e.info());
        List<TaskEntry> waiting = dependants.remove(e.spec.id());
        if (waiting == null) {
            return;
        }
        for (TaskEntry d : waiting) {
            if (d.state.isFinal()) {
                continue;
            }
            if (state != TaskState.DONE) {
                removeWaiting(d);
                end(d, TaskState.CANCELLED, dependencyReason(e), events);
            } else if (d.spec.dependsOn().stream().allMatch(id -> {
                TaskEntry dep = find(id);
                return dep != null && dep.state == TaskState.DONE;
            })) {
                d.state = TaskState.QUEUED;
                d.reason = "";
                queues.get(d.spec.type()).add(d);
                events.add(d.info());
            }
        }
    }

    private static String dependencyReason(TaskEntry failed) {
        return "'" + failed.spec.title() + "', which it depends on, " + (failed.state == TaskState.FAILED ? "failed" : "was cancelled")
                + (failed.reason.isEmpty() ? "" : ": " + failed.reason);
    }

    private void removeWaiting(TaskEntry e) {
        queues.get(e.spec.type()).remove(e);
        withoutHandler.remove(e);
        for (TaskId dep : e.spec.dependsOn()) {
            List<TaskEntry> list = dependants.get(dep);
            if (list != null) {
                list.remove(e);
            }
        }
    }

    private TaskEntry find(TaskId id) {
        TaskEntry e = active.get(id);
        return e != null ? e : history.get(id);
    }

    void progressed(TaskEntry e, RunningTask rt, long done, long total, double rate, String message) {
        TaskInfo event = null;
        lock.lock();
        try {
            if (e.running == rt && e.state == TaskState.RUNNING) {
                e.progress = new TaskProgress(Math.max(0, done), Math.max(0, total), rate, message);
                event = e.info();
            }
        } finally {
            lock.unlock();
        }
        if (event != null) {
            fire(List.of(event));
        }
    }

    // ---- tick: watchdog, grace period, deferred retries -----------------------------------------------------

    private void tickLoop() {
        while (true) {
            List<TaskInfo> events = new ArrayList<>();
            lock.lock();
            try {
                if (closing) {
                    return;
                }
                tick.await(config.tick().toMillis(), TimeUnit.MILLISECONDS);
                if (closing) {
                    return;
                }
                watch(events);
                dispatch(events);
            } catch (InterruptedException ex) {
                return;
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "task scheduler tick failed; the next one retries", ex);
            } finally {
                lock.unlock();
            }
            fire(events);
        }
    }

    private void watch(List<TaskInfo> events) {
        long now = System.nanoTime();
        for (TaskEntry e : new ArrayList<>(running)) {
            RunningTask rt = e.running;
            if (e.state != TaskState.RUNNING || rt == null) {
                continue;
            }
            Duration stall = stallTimeout(e);
            if (!rt.cancelled && now - rt.lastProgressNanos > stall.toNanos()) {
                String reason = "no progress for " + stall.toSeconds() + " s: stopped by the watchdog";
                LOG.log(Level.WARNING, "task ''{0}'': {1}", new Object[] {e.spec.title(), reason});
                rt.failureReason = reason;
                rt.cancelled = true;
                rt.cancelRequestedNanos = now;
                Thread t = rt.thread;
                if (t != null) {
                    t.interrupt();
                }
                // it fails now; its worker is counted busy until the code really returns
                end(e, TaskState.FAILED, reason, events);
            } else if (rt.cancelled && now - rt.cancelRequestedNanos > config.grace().toNanos()) {
                Thread t = rt.thread;
                if (t != null && !t.isInterrupted()) {
                    LOG.log(Level.INFO, "task ''{0}'' ignored cancellation for {1} s; interrupting it",
                            new Object[] {e.spec.title(), config.grace().toSeconds()});
                    t.interrupt();
                }
            }
        }
    }

    private Duration stallTimeout(TaskEntry e) {
        String own = e.spec.parameters().get("tsperf.stallSeconds");
        if (own != null) {
            try {
                return Duration.ofSeconds(Long.parseLong(own));
            } catch (NumberFormatException ex) {
                LOG.log(Level.FINE, "bad tsperf.stallSeconds on " + e.spec.id(), ex);
            }
        }
        return config.stallTimeout();
    }

    private void retryWithoutHandler() {
        List<TaskInfo> events = new ArrayList<>();
        lock.lock();
        try {
            for (TaskEntry e : withoutHandler) {
                queues.get(e.spec.type()).add(e);
            }
            withoutHandler.clear();
            dispatch(events);
        } finally {
            lock.unlock();
        }
        fire(events);
    }

    // ---- journal --------------------------------------------------------------------------------------------

    private void journal(TaskEntry e) {
        if (journal == null || closing) {
            return;
        }
        try {
            journal.write(e.record());
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "task journal " + journal.file() + ": could not record '" + e.spec.title()
                    + "'; it will not be resumed after a crash", ex);
        }
    }

    /** Queues again what the journal had queued or running when the application stopped. */
    private void recover(Collection<JournalRecord> records) {
        List<TaskInfo> events = new ArrayList<>();
        List<TaskEntry> resumed = new ArrayList<>();
        lock.lock();
        try {
            for (JournalRecord r : records) {
                if (r.state().isFinal()) {
                    TaskEntry e = new TaskEntry(r.spec(), sequence++, 0, r.submitted(), r.state(), r.attempts());
                    e.reason = r.reason();
                    e.ended = r.ended();
                    e.completion.complete(e.info());
                    history.put(r.spec().id(), e);
                    continue;
                }
                TaskEntry e = newEntry(r.spec(), r.submitted(), TaskState.INTERRUPTED, r.attempts());
                if (r.state() == TaskState.RUNNING && r.attempts() >= MAX_ATTEMPTS) {
                    end(e, TaskState.FAILED, "interrupted " + r.attempts() + " times while running; not retried", events);
                    continue;
                }
                e.reason = r.state() == TaskState.RUNNING
                        ? "interrupted while running (attempt " + r.attempts() + "); queued again"
                        : "found queued after a restart";
                resumed.add(e);
            }
            for (TaskEntry e : resumed) {
                if (!e.state.isFinal()) {
                    enqueue(e, events);
                }
            }
            if (!resumed.isEmpty()) {
                LOG.log(Level.INFO, "task journal {0}: {1} task(s) queued again after a restart",
                        new Object[] {journal.file(), resumed.size()});
            }
            dispatch(events);
        } finally {
            lock.unlock();
        }
        fire(events);
    }

    private void fire(List<TaskInfo> events) {
        for (TaskInfo info : events) {
            for (TaskListener l : listeners) {
                try {
                    l.taskChanged(info);
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "task listener " + l + " failed", ex);
                }
            }
        }
    }

    /**
     * Tunables.
     *
     * @param workers      worker threads per queue
     * @param stallTimeout the watchdog fails a running task that reports no progress for this long
     * @param grace        a cancelled task that has not stopped is interrupted after this long
     * @param maxDeferral  after this long deferred, the head of a queue starts anyway when its queue is idle
     * @param tick         how often the watchdog runs and deferred tasks are retried
     */
    record Config(Map<TaskType, Integer> workers, Duration stallTimeout, Duration grace, Duration maxDeferral,
            Duration tick) {

        static Config defaults() {
            int cores = Runtime.getRuntime().availableProcessors();
            Map<TaskType, Integer> w = new EnumMap<>(TaskType.class);
            w.put(TaskType.PROXY, Math.max(1, cores / 2)); // each proxy job is itself multi-threaded
            w.put(TaskType.THUMBNAIL, Math.max(1, cores / 2));
            w.put(TaskType.RENDER, 1);
            w.put(TaskType.CACHE_MAINTENANCE, 1);
            long stall = Long.getLong("tsperf.tasks.stallSeconds", 120);
            return new Config(w, Duration.ofSeconds(stall), Duration.ofSeconds(5), Duration.ofSeconds(60),
                    Duration.ofMillis(250));
        }

        Config withWorkers(int each) {
            Map<TaskType, Integer> w = new EnumMap<>(TaskType.class);
            for (TaskType t : TaskType.values()) {
                w.put(t, each);
            }
            return new Config(w, stallTimeout, grace, maxDeferral, tick);
        }

        Config with(Duration newStall, Duration newGrace, Duration newMaxDeferral) {
            return new Config(workers, newStall, newGrace, newMaxDeferral, tick);
        }
    }
}
