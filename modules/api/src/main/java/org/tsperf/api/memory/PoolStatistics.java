package org.tsperf.api.memory;

/** One size class of the buffer pools: buffers of exactly {@code bufferBytes}. */
public record PoolStatistics(int bufferBytes, int inUse, int idle, int free) {

    /** Off-heap bytes this size class occupies (in use, idle and free buffers). */
    public long capacityBytes() {
        return (long) bufferBytes * (inUse + idle + free);
    }
}
