package org.tsperf.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
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
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.SystemLoad;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskListener;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskProgress;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;

/**
 * The task system's state and the rules that start tasks: one priority queue and one worker pool per
 * {@link TaskType}; a task starts when a worker of its queue is free, its dependencies are done, the user is not busy
 * (unless it is critical) and the machine has capacity for its estimate. Everything here runs with {@link #lock}
 * held unless it says otherwise; events collected under the lock are {@link #fire fired} after it is released. The
 * service front ({@link TaskScheduler}), the {@link Watchdog} and {@link JournalRecovery} act on it.
 */
@Messages({
    "WAIT_UserBusy=Waiting while you play or scrub in the Viewer: background work pauses meanwhile. It starts by"
        + " itself when you stop; Run Now starts it at once.",
    "# {0} - how many tasks",
    "WAIT_Dependencies=Waiting for {0,choice,1#another task|1<{0} other tasks} it needs to finish first.",
    "# {0} - the queue's name",
    "WAIT_StartNowWorker=Starts next (Run Now): as soon as a worker of the {0} queue is free."
})
final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    /** Effective priority rises by this per second of waiting: a LOW task overtakes new NORMAL ones in 3 min. */
    static final double AGEING_PER_SECOND = 0.05;
    static final int HISTORY_KEPT = TaskJournal.FINISHED_KEPT;
    /** How many queued tasks one start looks at past the head: bounds the cost of a start with a long queue. */
    private static final int SCAN_LIMIT = 64;
    /** Load from a task shows in the sampled load about this long after it starts; until then it is reserved. */
    private static final long RESERVE_NANOS = TimeUnit.SECONDS.toNanos(2);

    final Lookup lookup;
    final TaskScheduler.Config config;
    final TaskJournal journal;
    final CapacityPolicy capacity = new CapacityPolicy();
    final ReentrantLock lock = new ReentrantLock();
    final Condition tick = lock.newCondition();
    final Map<TaskType, TreeSet<TaskEntry>> queues = new EnumMap<>(TaskType.class);
    final Map<TaskType, ThreadPoolExecutor> pools = new EnumMap<>(TaskType.class);
    final Map<TaskType, Integer> busyWorkers = new EnumMap<>(TaskType.class);
    /** Worker count per queue: the configured one until {@link TaskScheduler#setWorkers} changes it. */
    final Map<TaskType, Integer> workers = new EnumMap<>(TaskType.class);
    final Map<TaskId, TaskEntry> active = new LinkedHashMap<>();
    /** Entries whose attempt has not returned yet, including ones the watchdog already failed. */
    final Set<TaskEntry> running = new java.util.LinkedHashSet<>();
    final LinkedHashMap<TaskId, TaskEntry> history = new LinkedHashMap<>();
    final Map<TaskId, List<TaskEntry>> dependants = new HashMap<>();
    final List<TaskEntry> withoutHandler = new ArrayList<>();
    /** Waiting tasks the user asked to start now ({@link #startNow}), oldest request first. */
    final Set<TaskEntry> startNow = new java.util.LinkedHashSet<>();
    final List<TaskListener> listeners = new CopyOnWriteArrayList<>();
    final Lookup.Result<TaskHandler> handlers;
    volatile Map<String, TaskHandler> handlersByKind;
    long sequence;
    boolean paused;
    int holds;
    boolean closing;
    int finishedSinceTrim;

    /** Whether a "user is busy" hold is open. */
    boolean userBusy() {
        lock.lock();
        try {
            return holds > 0;
        } finally {
            lock.unlock();
        }
    }

    Dispatcher(Lookup lookup, TaskJournal journal, TaskScheduler.Config config) {
        this.lookup = lookup;
        this.config = config;
        this.journal = journal;
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
    }

    TaskEntry newEntry(TaskSpec spec, Instant submitted, TaskState state, int attempts) {
        double agedKey = spec.priority().weight() - AGEING_PER_SECOND * (submitted.toEpochMilli() / 1000.0);
        TaskEntry e = new TaskEntry(spec, sequence++, agedKey, submitted, state, attempts);
        active.put(spec.id(), e);
        return e;
    }

    /** Puts a task where it waits: behind its dependencies, or in its queue. */
    void enqueue(TaskEntry e, List<TaskInfo> events) {
        Set<TaskId> pending = new HashSet<>();
        for (TaskId dep : e.spec.dependsOn()) {
            TaskEntry d = find(dep);
            if (d == null) {
                end(e, TaskState.CANCELLED, "it depends on task " + dep + ", which is unknown", events);
                return;
            }
            if (d.state == TaskState.FAILED || d.state == TaskState.CANCELLED) {
                end(e, TaskState.CANCELLED, DispatcherSupport.dependencyReason(d), events);
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
            e.reason = Bundle.WAIT_Dependencies(pending.size());
        } else {
            if (e.state != TaskState.INTERRUPTED) {
                e.state = TaskState.QUEUED;
                e.reason = "";
            }
            queues.get(e.spec.type()).add(e);
            workArrived();
        }
        events.add(e.info());
    }

    /** Nothing queued and nothing running: the watchdog has nothing to watch or retry. Called with the lock held. */
    boolean idle() {
        return running.isEmpty() && queues.values().stream().allMatch(TreeSet::isEmpty);
    }

    /** A task was queued: the watchdog, resting while there was nothing to do, ticks again. Lock held. */
    private void workArrived() {
        tick.signalAll();
    }

    /**
     * Starts what may start now: first the tasks the user asked to start now (whatever the load, a hold or a pause),
     * then the others by the rules. Called with the lock held.
     */
    void dispatch(List<TaskInfo> events) {
        if (closing) {
            return;
        }
        SystemLoad live = null;
        for (TaskType type : TaskType.values()) {
            TreeSet<TaskEntry> queue = queues.get(type);
            while (busyWorkers.get(type) < workers.get(type) && !queue.isEmpty()) {
                TaskEntry next = firstToStartNow(type);
                if (next == null && !paused) {
                    if (live == null) {
                        live = DispatcherSupport.currentLoad(lookup);
                    }
                    next = pick(type, queue, live, events);
                }
                if (next == null) {
                    break;
                }
                start(next, events);
            }
        }
        for (TaskEntry e : startNow) { // the ones left wait for a worker of their queue
            String reason = Bundle.WAIT_StartNowWorker(e.spec.type().displayName());
            if (e.state != TaskState.QUEUED || !e.reason.equals(reason)) {
                e.state = TaskState.QUEUED;
                e.reason = reason;
                events.add(e.info());
            }
        }
    }

    /** The oldest task of this queue the user asked to start now that has a handler, or null. */
    private TaskEntry firstToStartNow(TaskType type) {
        for (TaskEntry e : startNow) {
            if (e.spec.type() == type && handlerFor(e.spec.kind()) != null) {
                return e;
            }
        }
        return null;
    }

    /**
     * The user asked to start a waiting task now: it skips the load check, the "user is busy" hold and a pause, and
     * takes the next free worker of its queue (at once when one is free). False when it is not waiting in its queue
     * (unknown, running, ended, waiting for its dependencies or for a module that provides its kind).
     */
    boolean startNow(TaskId id, List<TaskInfo> events) {
        TaskEntry e = active.get(id);
        if (e == null || !queues.get(e.spec.type()).contains(e)) {
            return false;
        }
        startNow.add(e);
        LOG.log(Level.INFO, "''{0}'' starts now: asked by the user", e.spec.title());
        dispatch(events);
        return true;
    }

    /** The first task of the queue that may start now, or null; marks the ones that must wait as deferred. */
    TaskEntry pick(TaskType type, TreeSet<TaskEntry> queue, SystemLoad live, List<TaskInfo> events) {
        ResourceEstimate reserved = reserved();
        long now = System.nanoTime();
        int scanned = 0;
        for (Iterator<TaskEntry> it = queue.iterator(); it.hasNext() && scanned < SCAN_LIMIT; scanned++) {
            TaskEntry e = it.next();
            if (holds > 0 && e.spec.priority() != TaskPriority.CRITICAL) {
                defer(e, Bundle.WAIT_UserBusy(), events);
                continue;
            }
            if (handlerFor(e.spec.kind()) == null) {
                it.remove();
                startNow.remove(e);
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

    void defer(TaskEntry e, String reason, List<TaskInfo> events) {
        if (e.deferredSinceNanos == 0) {
            e.deferredSinceNanos = System.nanoTime();
        }
        if (e.state != TaskState.DEFERRED || !e.reason.equals(reason)) {
            e.state = TaskState.DEFERRED;
            e.reason = reason;
            events.add(e.info());
        }
    }

    ResourceEstimate reserved() {
        return DispatcherSupport.reserved(running, RESERVE_NANOS);
    }

    TaskHandler handlerFor(String kind) {
        return handlersByKind.get(kind);
    }

    /** The first handler in Lookup order wins for a kind. */
    Map<String, TaskHandler> indexHandlers() {
        Map<String, TaskHandler> byKind = new HashMap<>();
        for (TaskHandler h : handlers.allInstances()) {
            byKind.putIfAbsent(h.kind(), h);
        }
        return byKind;
    }

    void start(TaskEntry e, List<TaskInfo> events) {
        TaskHandler handler = handlerFor(e.spec.kind());
        queues.get(e.spec.type()).remove(e);
        startNow.remove(e);
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

    void run(TaskEntry e, RunningTask rt, TaskHandler handler) {
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
                reason = rt.failureReason != null ? rt.failureReason : DispatcherSupport.describe(ex);
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

    void finished(TaskEntry e, RunningTask rt, TaskState outcome, String reason) {
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
    void end(TaskEntry e, TaskState state, String reason, List<TaskInfo> events) {
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
            try {
                journal.trimHistory();
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "the task history is not trimmed: " + ex.getMessage(), ex);
            }
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
                end(d, TaskState.CANCELLED, DispatcherSupport.dependencyReason(e), events);
            } else if (d.spec.dependsOn().stream().allMatch(id -> {
                TaskEntry dep = find(id);
                return dep != null && dep.state == TaskState.DONE;
            })) {
                d.state = TaskState.QUEUED;
                d.reason = "";
                queues.get(d.spec.type()).add(d);
                workArrived();
                events.add(d.info());
            }
        }
    }

    void removeWaiting(TaskEntry e) {
        queues.get(e.spec.type()).remove(e);
        startNow.remove(e);
        withoutHandler.remove(e);
        for (TaskId dep : e.spec.dependsOn()) {
            List<TaskEntry> list = dependants.get(dep);
            if (list != null) {
                list.remove(e);
            }
        }
    }

    TaskEntry find(TaskId id) {
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

    void retryWithoutHandler() {
        List<TaskInfo> events = new ArrayList<>();
        lock.lock();
        try {
            for (TaskEntry e : withoutHandler) {
                queues.get(e.spec.type()).add(e);
                workArrived();
            }
            withoutHandler.clear();
            dispatch(events);
        } finally {
            lock.unlock();
        }
        fire(events);
    }


    void journal(TaskEntry e) {
        if (journal == null || closing) {
            return;
        }
        try {
            journal.write(e.record());
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "'" + e.spec.title() + "' is not recorded, so it is not resumed after a crash: "
                    + (ex.getCause() != null ? ex.getCause().getMessage() : ex.toString()), ex);
        }
    }

    void fire(List<TaskInfo> events) {
        DispatcherSupport.fire(listeners, events);
    }
}
