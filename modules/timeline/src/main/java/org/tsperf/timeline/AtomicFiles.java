package org.tsperf.timeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a file so that its name always holds a complete version: the bytes go to a temporary file in the same folder,
 * are forced to the disk, and the temporary file is renamed over the target in one step.
 */
final class AtomicFiles {

    private static final Logger LOG = Logger.getLogger(AtomicFiles.class.getName());

    private AtomicFiles() {
    }

    /**
     * @throws IOException saying which file could not be written and that the old one is unchanged
     */
    static void write(Path target, byte[] bytes) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + file + ": the folder " + dir + " does not exist; choose a folder "
                    + "that does");
        }
        Path temp = null;
        try {
            // a hidden name in the same folder: the rename stays on one file system, so it is atomic. Not
            // createTempFile: its owner-only permissions would replace the file's own
            temp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            keepPermissions(file, temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceFolder(dir);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + " (" + describe(e) + "); the previous file, if any, is "
                    + "unchanged. Free some space or choose a folder you can write to, then save again.", e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** A file saved again keeps who may read it. */
    private static void keepPermissions(Path file, Path temp) {
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.log(Level.FINE, "cannot copy the permissions of " + file + "; the saved file has the default ones", e);
        }
    }

    /** Makes the rename itself durable (the folder's entry); file systems that cannot do so are left alone. */
    private static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot force folder " + dir + " to disk (the file system does not allow it)", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove the unfinished temporary file " + temp + "; delete it by hand", e);
        }
    }

    private static String describe(IOException e) {
        String msg = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (msg != null && msg.contains("No space left")) {
            return "the disk is full";
        }
        return msg == null ? kind : kind + ": " + msg;
    }
}
