package org.tsperf.playback;

import java.util.Arrays;

/** Times of one stage of the frame path (decode, convert): percentiles of the last 1024 samples. Thread-safe. */
final class StageTimes {

    private final double[] ring = new double[1024];
    private long count;

    synchronized void add(long nanos) {
        ring[(int) (count++ % ring.length)] = nanos / 1e6;
    }

    /** The p-quantile (0..1) in milliseconds, 0 without samples. */
    synchronized double percentileMs(double p) {
        int size = (int) Math.min(count, ring.length);
        if (size == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(ring, size);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(size - 1, Math.floor(p * size))];
    }

    synchronized void clear() {
        count = 0;
    }
}
