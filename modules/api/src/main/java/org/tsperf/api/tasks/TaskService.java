package org.tsperf.api.tasks;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The background task system: typed priority queues with worker pools, capacity-aware starts, dependencies,
 * progress, cancellation, a watchdog and a journal that survives crashes. Provided by the tasks module.
 * All methods are thread-safe. The first call of any method starts the task system: it opens the journal (MapDB) and
 * queues again what it holds, so the first call is not made from the event thread (the status bar of the tasks module makes it on
 * a background thread when the main window shows). After that the queries ({@link #counts()}, {@link #tasks()},
 * {@link #task}) are cheap; calls that change a task write the journal before they return.
 */
public interface TaskService {

    /** Current queue figures. Cheap once the task system runs; may be called from any thread. */
    TaskCounts counts();

    /** Queues a task (journalled before this returns). Its handler is looked up by {@link TaskSpec#kind()}. */
    TaskId submit(TaskSpec spec);

    /** Completes with the task's final state; never completes exceptionally. */
    CompletableFuture<TaskInfo> completion(TaskId id);

    /**
     * Asks a task to stop. A running task is told cooperatively and interrupted after a grace period.
     *
     * @return false if the task is unknown or already ended
     */
    boolean cancel(TaskId id, String reason);

    /**
     * Starts a waiting task now because the user asked for it (Run Now in the Background Tasks window): it no longer
     * waits for a calmer machine, for the end of a "user is busy" hold or for a pause to end, and takes the next free
     * worker of its queue, at once when one is free.
     *
     * @return false if the task is unknown, running, ended, or waits for other tasks it depends on (or for the module
     *         that runs its kind), which Run Now cannot skip
     */
    boolean startNow(TaskId id);

    Optional<TaskInfo> task(TaskId id);

    /** Queued and running tasks, then the recent history, newest first. */
    List<TaskInfo> tasks();

    /** Figures per queue, in {@link TaskType} order. */
    List<QueueInfo> queues();

    /**
     * Sets how many tasks of one queue may run at once (e.g. {@code tsperf proxy --jobs N}); takes effect at once
     * for starts, running tasks go on.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    void setWorkers(TaskType type, int workers);

    /** Stops starting new tasks (running ones go on) until resumed. */
    void setPaused(boolean paused);

    boolean isPaused();

    /**
     * Says the user is busy with interactive work (playback, scrubbing): while any hold is open only
     * {@link TaskPriority#CRITICAL} tasks start. Close the hold when the work ends.
     */
    Hold userBusy(String why);

    void addListener(TaskListener listener);

    void removeListener(TaskListener listener);

    /** An open "user is busy" declaration. */
    interface Hold extends AutoCloseable {

        @Override
        void close();
    }
}
