package org.tsperf.wizard;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A short sequential write and read of a temporary file in a folder: written in 1 MiB blocks and fsync'd, read back
 * bypassing the page cache where the file system allows (O_DIRECT), then removed, whatever happens.
 */
final class DiskSpeed {

    private static final Logger LOG = Logger.getLogger(DiskSpeed.class.getName());
    static final int BLOCK = 1 << 20;

    /** Megabytes (10^6 bytes) a second; {@code cachedRead} when the read went through the page cache. */
    record Result(double writeMBps, double readMBps, boolean cachedRead) {
    }

    private DiskSpeed() {
    }

    /**
     * @param bytes how much to write, a multiple of 1 MiB (e.g. 32 MiB)
     * @throws CancellationException when {@code cancelled} turned true (the file is removed)
     */
    static Result measure(Path folder, long bytes, BooleanSupplier cancelled) throws IOException {
        Path file = Files.createTempFile(folder, "tsperf-speed-", ".tmp");
        try {
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                block.put(i, (byte) (i * 31 + 7)); // not zeros, which some file systems compress away
            }
            long blocks = Math.max(1, bytes / BLOCK);
            long start = System.nanoTime();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (long b = 0; b < blocks; b++) {
                    checkCancelled(cancelled);
                    block.clear();
                    while (block.hasRemaining()) {
                        ch.write(block);
                    }
                }
                ch.force(true);
            }
            double write = mbps(blocks * BLOCK, System.nanoTime() - start);
            checkCancelled(cancelled);
            boolean cached = false;
            double read;
            try {
                read = read(file, blocks, cancelled, true);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException direct) {
                LOG.log(Level.FINE, "no direct I/O in " + folder + "; the read speed is the page cache's", direct);
                cached = true;
                read = read(file, blocks, cancelled, false);
            }
            return new Result(write, read, cached);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double read(Path file, long blocks, BooleanSupplier cancelled, boolean direct) throws IOException {
        int align = direct ? (int) Math.max(4096, Files.getFileStore(file).getBlockSize()) : 1;
        ByteBuffer buffer = ByteBuffer.allocateDirect(BLOCK + align).alignedSlice(align).limit(BLOCK);
        long start = System.nanoTime();
        long total = 0;
        try (FileChannel ch = direct
                ? FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)
                : FileChannel.open(file, StandardOpenOption.READ)) {
            for (long b = 0; b < blocks; b++) {
                checkCancelled(cancelled);
                buffer.clear().limit(BLOCK);
                int n = ch.read(buffer, b * BLOCK);
                if (n <= 0) {
                    break;
                }
                total += n;
            }
        }
        return mbps(total, System.nanoTime() - start);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled while measuring the disk");
        }
    }

    private static double mbps(long bytes, long nanos) {
        return bytes / 1e6 / Math.max(1e-6, nanos / 1e9);
    }
}
