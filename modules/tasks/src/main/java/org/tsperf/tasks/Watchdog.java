package org.tsperf.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskState;

/**
 * The scheduler's tick: every {@code config.tick()} (250 ms) it fails running tasks that report no progress for too
 * long, interrupts cancelled ones that ignore cancellation past the grace period, and retries deferred starts. While
 * no task is queued or running it rests (an idle workbench wakes no thread of the task system) until a task is
 * queued. Runs on its own daemon thread until the dispatcher closes.
 */
final class Watchdog {

    private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());
    /** The tick while no task is queued or running: a safety net only, queuing a task wakes the watchdog at once. */
    static final long IDLE_TICK_MILLIS = 30_000;
    private final Dispatcher d;
    private final Thread thread;

    Watchdog(Dispatcher d) {
        this.d = d;
        this.thread = new Thread(this::tickLoop, "tsperf-task-scheduler");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void tickLoop() {
        while (true) {
            List<TaskInfo> events = new ArrayList<>();
            d.lock.lock();
            try {
                if (d.closing) {
                    return;
                }
                // with nothing queued or running there is nothing to watch: rest until a task is queued
                d.tick.await(d.idle() ? IDLE_TICK_MILLIS : d.config.tick().toMillis(), TimeUnit.MILLISECONDS);
                if (d.closing) {
                    return;
                }
                watch(events);
                d.dispatch(events);
            } catch (InterruptedException ex) {
                return;
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "task scheduler d.tick failed; the next one retries", ex);
            } finally {
                d.lock.unlock();
            }
            d.fire(events);
        }
    }

    private void watch(List<TaskInfo> events) {
        long now = System.nanoTime();
        for (TaskEntry e : new ArrayList<>(d.running)) {
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
                d.end(e, TaskState.FAILED, reason, events);
            } else if (rt.cancelled && now - rt.cancelRequestedNanos > d.config.grace().toNanos()) {
                Thread t = rt.thread;
                if (t != null && !t.isInterrupted()) {
                    LOG.log(Level.INFO, "task ''{0}'' ignored cancellation for {1} s; interrupting it",
                            new Object[] {e.spec.title(), d.config.grace().toSeconds()});
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
        return d.config.stallTimeout();
    }
}
