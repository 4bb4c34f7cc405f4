package org.tsperf.api.tasks;

/**
 * Runs the tasks of one kind. Registered with {@code @ServiceProvider(service = TaskHandler.class)} by the module
 * that owns the kind, so tasks found in the journal after a restart can be run again.
 *
 * <p>A task may be started again after a crash: {@link #run} must not complete its work twice (for example it
 * checks whether its output already exists, and writes output under a temporary name, then renames it).
 */
public interface TaskHandler {

    /** The kind this handler runs, e.g. "proxy.generate". */
    String kind();

    /**
     * Does the work on a worker thread. Returns normally when done; throws to fail (the exception's message is
     * the reason the user sees); a {@link java.util.concurrent.CancellationException} or an interrupt after
     * cancellation ends the task as cancelled.
     */
    void run(TaskSpec spec, TaskContext context) throws Exception;
}
