package org.tsperf.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of a disk level as a whole. */
final class LevelFiles {

    private LevelFiles() {
    }

    /** Removes the index files ({@code indexGlob} in {@code dir}: index.db and its logs); the value files stay. */
    static void discardIndex(Path dir, String indexGlob) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, indexGlob)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Whether an I/O failure came from an interrupt of the thread (Java closes a FileChannel that a thread is
     * interrupted in): no sign of damage, the file is intact.
     */
    static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedByInterruptException
                    || t instanceof org.mapdb.DBException.VolumeClosedByInterrupt) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }
}
