package org.tsperf.tasks;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskProgress;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;

/** The scheduler's mutable record of one task. Guarded by the scheduler's lock. */
final class TaskEntry {

    final TaskSpec spec;
    final long sequence;
    /** Priority with ageing folded in: weight - ageing * submittedSeconds orders like weight + ageing * waited. */
    final double agedKey;
    final Instant submitted;
    final CompletableFuture<TaskInfo> completion = new CompletableFuture<>();
    TaskState state;
    TaskProgress progress = TaskProgress.NONE;
    String reason = "";
    Instant started;
    Instant ended;
    int attempts;
    long deferredSinceNanos;
    /** Set while an attempt runs. */
    RunningTask running;

    TaskEntry(TaskSpec spec, long sequence, double agedKey, Instant submitted, TaskState state, int attempts) {
        this.spec = spec;
        this.sequence = sequence;
        this.agedKey = agedKey;
        this.submitted = submitted;
        this.state = state;
        this.attempts = attempts;
    }

    TaskInfo info() {
        return new TaskInfo(spec, state, progress, reason, submitted, started, ended, attempts);
    }

    JournalRecord record() {
        return new JournalRecord(spec, state, reason, submitted, ended, attempts);
    }
}
