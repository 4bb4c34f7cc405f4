package org.tsperf.api.optimize;

/** What kind of disk holds a file store, as far as the system tells; {@link #UNKNOWN} when it does not. */
public enum DiskKind {
    NVME, SSD, HDD, NETWORK, UNKNOWN;

    /** Rank when no speed was measured: NVMe first, network last. */
    public int speedRank() {
        return switch (this) {
            case NVME -> 4;
            case SSD -> 3;
            case UNKNOWN -> 2;
            case HDD -> 1;
            case NETWORK -> 0;
        };
    }
}
