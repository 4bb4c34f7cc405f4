package org.tsperf.api.monitor;

/**
 * One local file store: its space and the throughput of the disk that holds it.
 *
 * @param name                the file store's name, e.g. "/dev/nvme0n1p2"
 * @param mount               where it is mounted
 * @param type                file system type, e.g. "ext4"
 * @param totalBytes          capacity
 * @param usedBytes           space in use: total minus all free blocks ({@code df}'s "Used")
 * @param readBytesPerSecond  reads of the underlying disk over the last interval, or NaN when it is not known
 * @param writeBytesPerSecond writes of the underlying disk over the last interval, or NaN when it is not known
 * @param availableBytes      space this user can still write ({@code df}'s "Avail"): the free blocks less those
 *                            reserved (for root, on ext4 5 % by default)
 */
public record DiskUsage(String name, String mount, String type, long totalBytes, long usedBytes,
        double readBytesPerSecond, double writeBytesPerSecond, long availableBytes) {

    public DiskUsage {
        if (usedBytes < 0 || totalBytes < 0 || usedBytes > totalBytes || availableBytes < 0
                || availableBytes > totalBytes - usedBytes) {
            throw new IllegalArgumentException("inconsistent space for " + mount + ": used " + usedBytes
                    + ", available " + availableBytes + " of " + totalBytes);
        }
    }

    /** A store without reserved space: everything not used is available. */
    public DiskUsage(String name, String mount, String type, long totalBytes, long usedBytes,
            double readBytesPerSecond, double writeBytesPerSecond) {
        this(name, mount, type, totalBytes, usedBytes, readBytesPerSecond, writeBytesPerSecond,
                Math.max(0, totalBytes - usedBytes));
    }

    /**
     * How full the store is as {@code df} says it: used / (used + available), so space reserved for root counts
     * neither way and a store at 100 % is one this user cannot write to.
     */
    public double usedPercent() {
        return Percent.of(usedBytes, usedBytes + availableBytes);
    }

    public boolean throughputKnown() {
        return !Double.isNaN(readBytesPerSecond) && !Double.isNaN(writeBytesPerSecond);
    }
}
