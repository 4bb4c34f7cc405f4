package org.tsperf.tasks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.tasks.QueueInfo;
import org.tsperf.api.tasks.TaskConfig;
import org.tsperf.api.tasks.TaskCounts;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskListener;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.util.Workbench;

/**
 * The background task system's service front. One priority queue and one worker pool per {@link TaskType}; a task
 * starts when a worker of its queue is free, its dependencies are done, the user is not busy (unless it is critical)
 * and the machine has capacity for its estimate. Starts happen inline on submit and on completion (low latency) and on
 * a 250 ms tick that also runs the watchdog and the cancellation grace period. The parts: {@link Dispatcher} (state
 * and the start rules), {@link Watchdog} (the tick), {@link JournalRecovery} (what a restart finds in the journal).
 */
@ServiceProvider(service = TaskService.class)
public final class TaskScheduler implements TaskService {

    private static final Logger LOG = Logger.getLogger(TaskScheduler.class.getName());
    /** Effective priority rises by this per second of waiting: a LOW task overtakes new NORMAL ones in 3 min. */
    static final double AGEING_PER_SECOND = Dispatcher.AGEING_PER_SECOND;
    static final int MAX_ATTEMPTS = 3;

    private final Lookup lookup;
    private final Path journalFile;
    /** Null until the first use for the application's scheduler: its settings are read then, not by Lookup. */
    private Config config;
    /** Null until the first use: finding the service in Lookup starts nothing (no thread, no journal). */
    private Dispatcher started;
    private boolean closedBeforeStart;

    /** The application's scheduler, journalled in the user directory (none in a plain JVM without one). */
    public TaskScheduler() {
        this(Lookup.getDefault(), defaultJournalFile(), null);
    }

    TaskScheduler(Lookup lookup, Path journalFile, Config config) {
        this.lookup = lookup;
        this.journalFile = journalFile;
        this.config = config;
    }

    /**
     * The running task system, started at the first use: the journal opened and what it held queued again, the
     * watchdog's thread started. Lazy, so that an instance the module system creates and drops (a lookup while the
     * module is being switched off) leaves nothing running.
     */
    private synchronized Dispatcher d() {
        if (started == null) {
            if (config == null) {
                config = Config.defaults(); // the stored settings (Tools > Options), read at the first use
            }
            if (closedBeforeStart) {
                started = new Dispatcher(lookup, null, config);
                started.closing = true;
                return started;
            }
            TaskJournal journal = openJournal(journalFile);
            Dispatcher d = new Dispatcher(lookup, journal, config);
            if (journal != null) {
                JournalRecovery.recover(d, journal, journal.readAll());
            }
            new Watchdog(d).start();
            started = d;
        }
        return started;
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
        d().lock.lock();
        try {
            int n = 0;
            for (TaskEntry e : d().running) {
                if (e.state == TaskState.RUNNING) {
                    n++;
                }
            }
            return new TaskCounts(n, d().active.size() - n);
        } finally {
            d().lock.unlock();
        }
    }

    @Override
    public TaskId submit(TaskSpec spec) {
        List<TaskInfo> events = new ArrayList<>();
        d().lock.lock();
        try {
            if (d().closing) {
                throw new IllegalStateException("the task system is shutting down; '" + spec.title() + "' was not queued");
            }
            if (d().active.containsKey(spec.id()) || d().history.containsKey(spec.id())) {
                throw new IllegalArgumentException("a task with id " + spec.id() + " exists already");
            }
            Instant now = Instant.now();
            TaskEntry entry = d().newEntry(spec, now, TaskState.QUEUED, 0);
            d().journal(entry);
            d().enqueue(entry, events);
            d().dispatch(events);
        } finally {
            d().lock.unlock();
        }
        d().fire(events);
        return spec.id();
    }

    @Override
    public CompletableFuture<TaskInfo> completion(TaskId id) {
        d().lock.lock();
        try {
            TaskEntry e = d().find(id);
            if (e == null) {
                throw new IllegalArgumentException("unknown task " + id);
            }
            return e.completion.copy();
        } finally {
            d().lock.unlock();
        }
    }

    @Override
    public boolean cancel(TaskId id, String reason) {
        List<TaskInfo> events = new ArrayList<>();
        d().lock.lock();
        try {
            TaskEntry e = d().active.get(id);
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
                d().removeWaiting(e);
                d().end(e, TaskState.CANCELLED, reason, events);
                d().dispatch(events);
            }
            return true;
        } finally {
            d().lock.unlock();
            d().fire(events);
        }
    }

    @Override
    public boolean startNow(TaskId id) {
        List<TaskInfo> events = new ArrayList<>();
        boolean waiting;
        d().lock.lock();
        try {
            waiting = !d().closing && d().startNow(id, events);
        } finally {
            d().lock.unlock();
        }
        d().fire(events);
        return waiting;
    }

    @Override
    public Optional<TaskInfo> task(TaskId id) {
        d().lock.lock();
        try {
            return Optional.ofNullable(d().find(id)).map(TaskEntry::info);
        } finally {
            d().lock.unlock();
        }
    }

    @Override
    public List<TaskInfo> tasks() {
        d().lock.lock();
        try {
            List<TaskInfo> out = new ArrayList<>(d().active.size() + d().history.size());
            d().active.values().stream()
                    .sorted(Comparator.comparing((TaskEntry e) -> e.state != TaskState.RUNNING)
                            .thenComparingDouble(e -> -e.agedKey).thenComparingLong(e -> e.sequence))
                    .forEach(e -> out.add(e.info()));
            List<TaskEntry> finished = new ArrayList<>(d().history.values());
            for (int i = finished.size() - 1; i >= 0; i--) {
                out.add(finished.get(i).info());
            }
            return out;
        } finally {
            d().lock.unlock();
        }
    }

    @Override
    public List<QueueInfo> queues() {
        d().lock.lock();
        try {
            Map<TaskType, int[]> figures = new EnumMap<>(TaskType.class);
            for (TaskType t : TaskType.values()) {
                figures.put(t, new int[2]);
            }
            for (TaskEntry e : d().active.values()) {
                figures.get(e.spec.type())[e.state == TaskState.RUNNING ? 1 : 0]++;
            }
            List<QueueInfo> out = new ArrayList<>();
            for (TaskType t : TaskType.values()) {
                out.add(new QueueInfo(t, figures.get(t)[0], figures.get(t)[1], d().workers.get(t)));
            }
            return out;
        } finally {
            d().lock.unlock();
        }
    }

    @Override
    public void setPaused(boolean pause) {
        List<TaskInfo> events = new ArrayList<>();
        d().lock.lock();
        try {
            d().paused = pause;
            LOG.log(Level.INFO, "background tasks {0}", pause ? "paused" : "resumed");
            d().dispatch(events);
        } finally {
            d().lock.unlock();
        }
        d().fire(events);
    }

    @Override
    public void setWorkers(TaskType type, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a queue needs at least one worker, got " + count);
        }
        List<TaskInfo> events = new ArrayList<>();
        d().lock.lock();
        try {
            ThreadPoolExecutor pool = d().pools.get(type);
            if (count > pool.getMaximumPoolSize()) {
                pool.setMaximumPoolSize(count);
                pool.setCorePoolSize(count);
            } else {
                pool.setCorePoolSize(count);
                pool.setMaximumPoolSize(count);
            }
            d().workers.put(type, count);
            d().dispatch(events);
        } finally {
            d().lock.unlock();
        }
        d().fire(events);
    }

    @Override
    public boolean isPaused() {
        d().lock.lock();
        try {
            return d().paused;
        } finally {
            d().lock.unlock();
        }
    }

    @Override
    public Hold userBusy(String why) {
        d().lock.lock();
        try {
            d().holds++;
            LOG.log(Level.FINE, "user busy ({0}): only critical tasks start", why);
        } finally {
            d().lock.unlock();
        }
        return new Hold() {
            private boolean closed;

            @Override
            public void close() {
                List<TaskInfo> events = new ArrayList<>();
                d().lock.lock();
                try {
                    if (!closed) {
                        closed = true;
                        d().holds--;
                        d().dispatch(events);
                    }
                } finally {
                    d().lock.unlock();
                }
                d().fire(events);
            }
        };
    }

    @Override
    public void addListener(TaskListener listener) {
        d().listeners.add(listener);
    }

    @Override
    public void removeListener(TaskListener listener) {
        d().listeners.remove(listener);
    }

    /**
     * Stops starting tasks, interrupts the running ones and closes the journal. Tasks that were queued or running
     * stay so in the journal and are found again at the next start. A scheduler never used has nothing to close.
     */
    public void close() {
        Dispatcher d;
        synchronized (this) {
            if (started == null) {
                closedBeforeStart = true;
                return;
            }
            d = started;
        }
        d.lock.lock();
        try {
            if (d.closing) {
                return;
            }
            d.closing = true;
            d.tick.signalAll();
        } finally {
            d.lock.unlock();
        }
        d.pools.values().forEach(ThreadPoolExecutor::shutdownNow);
        for (ThreadPoolExecutor pool : d.pools.values()) {
            try {
                if (!pool.awaitTermination(d.config.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warning("a background task did not stop within the grace period at shutdown");
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (d.journal != null) {
            d.journal.close();
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

        /** The stored settings of Tools &gt; Options ({@link StoredTaskConfiguration}); the start option wins. */
        static Config defaults() {
            TaskConfig stored = new StoredTaskConfiguration().config();
            Map<TaskType, Integer> w = new EnumMap<>(stored.workers());
            Long stall = Long.getLong("tsperf.tasks.stallSeconds");
            return new Config(w, stall == null ? stored.stallTimeout() : Duration.ofSeconds(stall), Duration.ofSeconds(5),
                    stored.maxDeferral(), Duration.ofMillis(250));
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
