package org.tsperf.api.monitor;

/**
 * One local file store: its space and the throughput of the disk that holds it.
 *
 * @param name                the file store's name, e.g. "/dev/nvme0n1p2"
 * @param mount               where it is mounted
 * @param type                file system type, e.g. "ext4"
 * @param totalBytes          capacity
 * @param usedBytes           space in use (total minus what is free to this user)
 * @param readBytesPerSecond  reads of the underlying disk over the last interval, or NaN when it is not known
 * @param writeBytesPerSecond writes of the underlying disk over the last interval, or NaN when it is not known
 */
public record DiskUsage(String name, String mount, String type, long totalBytes, long usedBytes,
        double readBytesPerSecond, double writeBytesPerSecond) {

    public DiskUsage {
        if (usedBytes < 0 || totalBytes < 0 || usedBytes > totalBytes) {
            throw new IllegalArgumentException("inconsistent space for " + mount + ": used " + usedBytes
                    + " of " + totalBytes);
        }
    }

    public double usedPercent() {
        return Percent.of(usedBytes, totalBytes);
    }

    public boolean throughputKnown() {
        return !Double.isNaN(readBytesPerSecond) && !Double.isNaN(writeBytesPerSecond);
    }
}
