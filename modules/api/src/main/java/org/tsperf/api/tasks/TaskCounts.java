package org.tsperf.api.tasks;

/**
 * @param running tasks executing now
 * @param waiting tasks queued or deferred
 */
public record TaskCounts(int running, int waiting) {

    public TaskCounts {
        if (running < 0 || waiting < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
