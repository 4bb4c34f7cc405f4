package org.tsperf.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.tsperf.api.cache.CacheKey;

/**
 * L2 write and read throughput against plain file I/O (Files.write / Files.readAllBytes of the same sizes) in the
 * same directory. Values of 1080p RGBA frames (8,294,400 bytes) and of thumbnails (57,600 bytes), not compressed.
 */
final class DiskThroughputBenchmark {

    private DiskThroughputBenchmark() {
    }

    static String run(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("| value size | count | L2 write MiB/s | plain write MiB/s | L2 read MiB/s | plain read MiB/s |\n");
        out.append("|---:|---:|---:|---:|---:|---:|\n");
        for (int[] spec : new int[][] {{8_294_400, 60}, {57_600, 2000}}) {
            int size = spec[0];
            int count = spec[1];
            byte[] value = new byte[size];
            new Random(size).nextBytes(value);
            Path storeDir = dir.resolve("l2-" + size);
            Path plainDir = Files.createDirectories(dir.resolve("plain-" + size));
            double l2Write;
            double l2Read;
            try (DiskStore s = DiskStore.open(storeDir, 8L << 30)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    s.put(CacheKey.frame("b", i, 1, 1, "x"), value, false, 0);
                }
                l2Write = mibs((long) size * count, System.nanoTime() - t0);
                t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    s.get(CacheKey.frame("b", i, 1, 1, "x")).orElseThrow();
                }
                l2Read = mibs((long) size * count, System.nanoTime() - t0);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Files.write(plainDir.resolve(i + ".bin"), value);
            }
            double plainWrite = mibs((long) size * count, System.nanoTime() - t0);
            t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Files.readAllBytes(plainDir.resolve(i + ".bin"));
            }
            double plainRead = mibs((long) size * count, System.nanoTime() - t0);
            out.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.0f | %.0f |%n", size, count, l2Write,
                    plainWrite, l2Read, plainRead));
        }
        return out.toString();
    }

    private static double mibs(long bytes, long nanos) {
        return bytes / (double) (1 << 20) / (nanos / 1e9);
    }
}
