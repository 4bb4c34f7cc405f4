package org.tsperf.api.tasks;

/** Where a task is in its life. Every task ends as {@link #DONE}, {@link #FAILED} or {@link #CANCELLED}. */
public enum TaskState {
    /** Waiting in its queue. */
    QUEUED,
    /** Waiting for the tasks it depends on. */
    WAITING_FOR_DEPENDENCIES,
    /** Ready, but the machine is too busy for its estimate (the reason says which resource); never dropped. */
    DEFERRED,
    RUNNING,
    /** Was queued or running when the application stopped; found in the journal and queued again. */
    INTERRUPTED,
    DONE,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
