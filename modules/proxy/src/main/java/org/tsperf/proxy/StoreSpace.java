package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.util.ByteSizes;

/**
 * Tells a full proxy store from a bad source: a write that ran out of space (ffmpeg's "No space left on device", or
 * a store left with almost nothing free) is the disk's fault, and the message names the store folder, the space free
 * and needed, and what to do, instead of blaming a good camera file.
 */
final class StoreSpace {

    private static final Logger LOG = Logger.getLogger(StoreSpace.class.getName());
    /** Below this much free space after a failed write, the write failed for want of space. */
    static final long NEARLY_FULL_BYTES = 1L << 20;
    private static final List<String> FULL_SIGNS = List.of("no space left on device", "enospc",
            "disk quota exceeded", "file too large");

    /** The proxy store (or the disk it is on) ran out of space. */
    static final class StoreFullException extends IOException {
        private static final long serialVersionUID = 1L;

        StoreFullException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private StoreSpace() {
    }

    /** Whether an error text says a write ran out of space. */
    static boolean saysFull(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return FULL_SIGNS.stream().anyMatch(t::contains);
    }

    /** The messages of an exception and its causes, joined (MapDB hides "No space left on device" in a cause). */
    static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null && b.length() < 2000; c = c.getCause()) {
            b.append(b.length() == 0 ? "" : ": ").append(c.getMessage() == null ? c.getClass().getSimpleName()
                    : c.getMessage());
        }
        return b.toString();
    }

    /** Usable bytes on the store's file system, or -1 when that cannot be read. */
    static long usable(Path store) {
        try {
            return Files.getFileStore(store).getUsableSpace();
        } catch (IOException ex) {
            LOG.log(Level.FINE, "cannot read the free space of " + store, ex);
            return -1;
        }
    }

    /** Whether a failure with this text, in this store, was for want of space. */
    static boolean ranOut(String error, Path store) {
        long free = usable(store);
        return saysFull(error) || (free >= 0 && free < NEARLY_FULL_BYTES);
    }

    /**
     * The error for proxies that did not fit.
     *
     * @param written bytes the proxies had reached when the disk filled up
     * @param done    frames made by then
     * @param total   frames of the source (0 if unknown)
     */
    static StoreFullException full(Path source, Path store, long written, long done, long total, Throwable cause) {
        long free = Math.max(0, usable(store)) + written; // the partial files go now
        String needed = written <= 0 ? "" : String.format(Locale.ROOT, ", about %s needed",
                ByteSizes.format(done > 0 && total > done ? written * total / done : written));
        return new StoreFullException(String.format(Locale.ROOT, "%s: its proxies do not fit: the proxy store %s is"
                + " full (%s free on its disk%s). The source is fine. Free space on that disk, or choose another"
                + " store folder (Tools > Options > Performance > Proxies, or --store), then generate again.", source,
                store, ByteSizes.format(free), needed), cause);
    }

    /** The error for an index or journal write that did not fit, naming the file and what to do. */
    static StoreFullException indexFull(Path file, Throwable cause) {
        Path dir = file.toAbsolutePath().getParent();
        long free = Math.max(0, usable(dir));
        return new StoreFullException(String.format(Locale.ROOT, "the proxy index %s could not be written: the disk"
                + " of %s is full (%s free); nothing was changed. Free space on that disk, or choose another store"
                + " folder (Tools > Options > Performance > Proxies, or --store).", file, dir, ByteSizes.format(free)), cause);
    }

    /**
     * What a store takes on its disk now: every file in its folder (the proxies, the index and its logs, files a
     * crash left), each rounded up to whole blocks of the file system, and the folder itself. Files count at their
     * full length, so this is never less than {@code du} says (MapDB's index is sparse: it may take less).
     */
    static long folderBytes(Path store) throws IOException {
        long block = Math.max(512, Files.getFileStore(store).getBlockSize());
        long sum = onDisk(Files.size(store), block);
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(store)) {
            for (Path f : files) {
                try {
                    sum += onDisk(Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS).size(), block); // a link counts as itself
                } catch (java.nio.file.NoSuchFileException gone) {
                    LOG.log(Level.FINEST, "gone while measured: " + f, gone); // MapDB rotates its logs
                }
            }
        }
        return sum;
    }

    /** Bytes a file of {@code bytes} takes on a store's disk (whole blocks). */
    static long onDisk(Path store, long bytes) {
        try {
            return onDisk(bytes, Math.max(512, Files.getFileStore(store).getBlockSize()));
        } catch (IOException ex) {
            LOG.log(Level.FINE, "cannot read the block size of " + store, ex);
            return bytes;
        }
    }

    private static long onDisk(long bytes, long block) {
        return (bytes + block - 1) / block * block;
    }

    /** Bytes of these files now (missing ones count 0). */
    static long sizes(List<Path> files) {
        long sum = 0;
        for (Path p : files) {
            try {
                sum += Files.size(p);
            } catch (IOException ex) {
                LOG.log(Level.FINEST, "no partial file " + p, ex);
            }
        }
        return sum;
    }
}
