package org.tsperf.api.tasks;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable view of a task at one moment.
 *
 * @param spec      what the task is
 * @param state     where it is
 * @param progress  work done so far
 * @param reason    why it is deferred, failed or cancelled, in words a user understands; empty otherwise
 * @param submitted when it was first submitted
 * @param started   when its current attempt started, or null
 * @param ended     when it ended, or null
 * @param attempts  how many times it was started (more than one after a restart interrupted it)
 */
public record TaskInfo(TaskSpec spec, TaskState state, TaskProgress progress, String reason, Instant submitted,
        Instant started, Instant ended, int attempts) {

    public TaskInfo {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(submitted, "submitted");
        reason = reason == null ? "" : reason;
    }

    public TaskId id() {
        return spec.id();
    }
}
