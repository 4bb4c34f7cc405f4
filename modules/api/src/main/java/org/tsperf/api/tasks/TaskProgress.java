package org.tsperf.api.tasks;

import java.time.Duration;
import java.util.Optional;

/**
 * Work done so far.
 *
 * @param done           work units done, e.g. frames encoded
 * @param total          work units in all, 0 while unknown
 * @param unitsPerSecond recent rate
 * @param message        what the task is doing now, for people
 */
public record TaskProgress(long done, long total, double unitsPerSecond, String message) {

    public static final TaskProgress NONE = new TaskProgress(0, 0, 0, "");

    public TaskProgress {
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("progress must not be negative");
        }
        message = message == null ? "" : message;
    }

    /** 0 to 1, or empty while the total is unknown. */
    public Optional<Double> fraction() {
        return total <= 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) done / total));
    }

    /** Time left at the recent rate, or empty while unknown. */
    public Optional<Duration> eta() {
        if (total <= 0 || unitsPerSecond <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (Math.max(0, total - done) / unitsPerSecond * 1000)));
    }
}
