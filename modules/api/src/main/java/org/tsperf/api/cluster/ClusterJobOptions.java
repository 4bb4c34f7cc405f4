package org.tsperf.api.cluster;

import java.time.Duration;

/**
 * How a cluster export is cut and watched.
 *
 * @param framesPerSegment about this many frames per segment (segments start on keyframes)
 * @param segmentTimeout   a segment not finished in this time counts as failed on its worker (it stopped
 *                         answering) and is run elsewhere
 * @param workerWait       how long to wait for a first worker that holds the secret before failing
 */
public record ClusterJobOptions(int framesPerSegment, Duration segmentTimeout, Duration workerWait) {

    public ClusterJobOptions {
        if (framesPerSegment < 1) {
            throw new IllegalArgumentException("frames per segment must be at least 1, not " + framesPerSegment);
        }
        if (segmentTimeout.isNegative() || segmentTimeout.isZero() || workerWait.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive: " + segmentTimeout + ", " + workerWait);
        }
    }

    /** 120 frames a segment, 10 minutes per segment, 60 s for a first worker. */
    public static ClusterJobOptions defaults() {
        return new ClusterJobOptions(120, Duration.ofMinutes(10), Duration.ofSeconds(60));
    }
}
