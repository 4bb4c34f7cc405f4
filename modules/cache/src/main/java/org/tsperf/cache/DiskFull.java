package org.tsperf.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.util.ByteSizes;

/**
 * A disk level's folder has no room for a value and its index: the put changes nothing (no file, no index entry),
 * and the next put after space is freed works. The message names the folder, the space free and needed, and what to
 * do.
 */
final class DiskFull extends IOException {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DiskFull.class.getName());
    /** Room kept for the index's write-ahead log beside a value: a put never fills the disk to its last block. */
    static final long INDEX_MARGIN_BYTES = 1L << 20;

    private DiskFull(String message, Throwable cause) {
        super(message, cause);
    }

    /** Usable bytes on the folder's file system, or -1 when that cannot be read. */
    static long usable(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException ex) {
            LOG.log(Level.FINE, "cannot read the free space of " + dir, ex);
            return -1;
        }
    }

    /** Throws when {@code bytes} more (and the index's margin) do not fit on the folder's disk now. */
    static void requireRoom(Path dir, long bytes) throws DiskFull {
        long free = usable(dir);
        if (free >= 0 && free < bytes + INDEX_MARGIN_BYTES) {
            throw of(dir, free, bytes + INDEX_MARGIN_BYTES, null);
        }
    }

    /** Whether a write failed for want of space (the message, or its causes', say so). */
    static boolean saysFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    static DiskFull of(Path dir, long free, long needed, Throwable cause) {
        return new DiskFull(String.format(Locale.ROOT, "the disk cache folder %s is full (%s free, %s needed for"
                + " the next entry and its index): nothing was stored and what the cache held stays. Free space on"
                + " that disk, or move the cache to another folder (-Dtsperf.cache.dir, or -Dtsperf.cache.l2.dir /"
                + " -Dtsperf.cache.l3.dir); it stores again as soon as there is room.", dir,
                ByteSizes.format(Math.max(0, free)), ByteSizes.format(needed)), cause);
    }
}
