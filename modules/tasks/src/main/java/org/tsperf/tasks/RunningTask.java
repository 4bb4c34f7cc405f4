package org.tsperf.tasks;

import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.tasks.TaskPriority;

/**
 * One attempt of a task on a worker thread: its cancellation flag, the thread to interrupt after the grace period,
 * and when it last showed progress (for the watchdog).
 */
final class RunningTask implements TaskContext {

    private final Dispatcher scheduler;
    private final TaskEntry entry;
    private final int attempt;
    final long startedNanos;
    volatile Thread thread;
    /** Why the user cancelled; written before {@link #cancelled} so that whoever sees the flag sees the reason. */
    volatile String cancelReason = "cancelled";
    volatile boolean cancelled;
    volatile long cancelRequestedNanos;
    volatile long lastProgressNanos;
    /** Why it is stopped, when the system (not the user) stopped it: the task then ends as failed with this reason. */
    volatile String failureReason;
    private long rateDone;
    private long rateNanos;
    private double rate;

    RunningTask(Dispatcher scheduler, TaskEntry entry, int attempt) {
        this.scheduler = scheduler;
        this.entry = entry;
        this.attempt = attempt;
        this.startedNanos = System.nanoTime();
        this.lastProgressNanos = startedNanos;
        this.rateNanos = startedNanos;
    }

    @Override
    public void progress(long done, long total, String message) {
        long now = System.nanoTime();
        lastProgressNanos = now;
        double rateNow;
        synchronized (this) {
            // a rate over at least half a second, smoothed, so the ETA does not jump with every frame
            if (now - rateNanos >= 500_000_000L) {
                double instant = (done - rateDone) / ((now - rateNanos) / 1e9);
                rate = rate == 0 ? instant : 0.7 * rate + 0.3 * instant;
                rateDone = done;
                rateNanos = now;
            }
            rateNow = Math.max(0, rate);
        }
        scheduler.progressed(entry, this, done, total, rateNow, message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public boolean userBusy() {
        return entry.spec.priority() != TaskPriority.CRITICAL && scheduler.userBusy();
    }
}
