package org.tsperf.api.tasks;

import java.util.concurrent.CancellationException;

/** Given to a running {@link TaskHandler}: report progress, notice cancellation. */
public interface TaskContext {

    /** Reports progress; also tells the watchdog that the task is alive. */
    void progress(long done, long total, String message);

    /** True once the user or the system asked the task to stop; a handler checks it between work units. */
    boolean isCancelled();

    /** Throws {@link CancellationException} if cancellation was asked. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** The attempt number, 1 for a first run; higher when resumed after a restart. */
    int attempt();

    /**
     * True while the user plays or scrubs ({@link TaskService#userBusy}) and this task is not critical: it yields
     * the processor then, e.g. by lowering the priority of the processes it runs, so that the user's work stays
     * smooth.
     */
    boolean userBusy();
}
