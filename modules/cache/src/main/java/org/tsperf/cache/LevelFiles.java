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

    /**
     * The bytes of a file of the level, never through a symbolic link: a link placed in a cache folder (pointing out
     * of it) is not read, so the cache serves only what it wrote itself.
     *
     * @throws IOException also when the path is a symbolic link
     */
    static byte[] read(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException(file + " is too large for a cache value (" + size + " bytes)");
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // reads until full or the end (a file cut short reads as shorter; the checksum then fails)
            }
            return b.position() == b.capacity() ? b.array() : java.util.Arrays.copyOf(b.array(), b.position());
        }
    }

    /** A plain file (not a link, not a folder) and its size, or -1. */
    static long regularFileSize(Path file) {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a.size() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Index files and directories of a level's folder on disk in whole blocks (everything but the value files). */
    static long overheadBytes(Path dir, long blockSize) {
        long sum = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                try {
                    sum += onDisk(Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS).size(), blockSize); // a link counts as itself
                } catch (java.nio.file.NoSuchFileException gone) {
                    // MapDB rotates its write-ahead log files on commit: one listed may be gone already
                }
            }
            sum += onDisk(Files.size(dir), blockSize);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot measure the cache directory " + dir, e);
        }
        return sum;
    }

    private static long onDisk(long bytes, long blockSize) {
        return (bytes + blockSize - 1) / blockSize * blockSize;
    }

    /** The value a record names if its file is whole and intact, else null (an evicted value worth spilling). */
    static byte[] valueIfIntact(Path file, EntryRecord r) {
        try {
            byte[] stored = read(file);
            if (stored.length != r.storedBytes() || Codec.crc(stored) != r.crc()) {
                return null;
            }
            return ValueFile.value(stored);
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(LevelFiles.class.getName()).log(java.util.logging.Level.FINE,
                    "cannot read evicted value " + file, e);
            return null;
        }
    }
}
