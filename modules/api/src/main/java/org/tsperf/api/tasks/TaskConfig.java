package org.tsperf.api.tasks;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The background task system's settings (Tools &gt; Options &gt; Performance &gt; Background Tasks). Immutable; the
 * constructor refuses values out of range with a message naming the setting.
 *
 * @param workers      how many tasks of each queue may run at once (every {@link TaskType}, 1 to {@link #MAX_WORKERS})
 * @param maxDeferral  a task held back for a busy machine or user starts anyway after this long, when its queue is
 *                     idle (1 s to 1 h)
 * @param stallTimeout the watchdog fails a running task that reports no progress for this long (10 s to 24 h)
 */
public record TaskConfig(Map<TaskType, Integer> workers, Duration maxDeferral, Duration stallTimeout) {

    public static final int MAX_WORKERS = 64;
    public static final Duration MIN_DEFERRAL = Duration.ofSeconds(1);
    public static final Duration MAX_DEFERRAL = Duration.ofHours(1);
    public static final Duration MIN_STALL = Duration.ofSeconds(10);
    public static final Duration MAX_STALL = Duration.ofHours(24);

    public TaskConfig {
        EnumMap<TaskType, Integer> copy = new EnumMap<>(TaskType.class);
        for (TaskType t : TaskType.values()) {
            Integer n = workers == null ? null : workers.get(t);
            if (n == null) {
                throw new IllegalArgumentException("no worker count for the queue " + t.displayName());
            }
            if (n < 1 || n > MAX_WORKERS) {
                throw new IllegalArgumentException("the workers of the queue " + t.displayName() + " must be 1 to "
                        + MAX_WORKERS + " (was " + n + ")");
            }
            copy.put(t, n);
        }
        workers = Map.copyOf(copy);
        range("longest deferral", maxDeferral, MIN_DEFERRAL, MAX_DEFERRAL);
        range("stall timeout", stallTimeout, MIN_STALL, MAX_STALL);
    }

    private static void range(String what, Duration d, Duration min, Duration max) {
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("the " + what + " must be " + min.toSeconds() + " to "
                    + max.toSeconds() + " seconds (was " + (d == null ? "none" : d.toSeconds() + " s") + ")");
        }
    }

    public int workers(TaskType type) {
        return workers.get(type);
    }

    public TaskConfig withWorkers(TaskType type, int n) {
        EnumMap<TaskType, Integer> w = new EnumMap<>(workers);
        w.put(type, n);
        return new TaskConfig(w, maxDeferral, stallTimeout);
    }
}
