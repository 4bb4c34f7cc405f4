package org.tsperf.api.optimize;

import java.util.Objects;

/**
 * One disk (file store) as measured.
 *
 * @param mount       where it is mounted, e.g. "/" or "/mnt/media"
 * @param cacheBase   a folder on it the workbench may write its caches under, e.g. "/home/u/.cache/tsperf"
 * @param kind        NVMe, SSD, HDD or network where the system tells
 * @param totalBytes  capacity
 * @param freeBytes   what this user can still write
 * @param writeMBps   measured sequential write speed in MB/s (10^6 bytes, fsync'd), NaN when not measured
 * @param readMBps    measured sequential read speed in MB/s, NaN when not measured
 */
public record DiskDescription(String mount, String cacheBase, DiskKind kind, long totalBytes, long freeBytes,
        double writeMBps, double readMBps) {

    public DiskDescription {
        Objects.requireNonNull(mount, "mount");
        Objects.requireNonNull(cacheBase, "cacheBase");
        Objects.requireNonNull(kind, "kind");
        if (totalBytes < 0 || freeBytes < 0 || freeBytes > totalBytes) {
            throw new IllegalArgumentException("inconsistent space for " + mount + ": " + freeBytes + " free of "
                    + totalBytes);
        }
    }

    /** Whether a write speed was measured. */
    public boolean measured() {
        return Double.isFinite(writeMBps) && writeMBps > 0;
    }
}
