package org.tsperf.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The figures the sampler needs every second, read straight from Linux's {@code /proc} (one small file each, some
 * microseconds) instead of through OSHI, whose disk listing asks udev for every device and costs milliseconds of CPU
 * a second. Empty where there is no {@code /proc}: the sampler then asks OSHI.
 */
final class ProcFiles {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path DISKSTATS = Path.of("/proc/diskstats");
    /** {@code /proc/diskstats} counts sectors of 512 bytes, whatever the disk's own sector size. */
    private static final long SECTOR = 512;

    private ProcFiles() {
    }

    /** The resident set of this process ({@code VmRSS}). */
    static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException ex) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Bytes read and written since boot by block device name ({@code vda}, {@code nvme0n1}). */
    static Optional<Map<String, long[]>> diskBytes() {
        try {
            Map<String, long[]> m = new HashMap<>();
            for (String line : Files.readAllLines(DISKSTATS)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 10) {
                    m.put(f[2], new long[] {Long.parseLong(f[5]) * SECTOR, Long.parseLong(f[9]) * SECTOR});
                }
            }
            return Optional.of(m);
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }
}
