package org.tsperf.render;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The preview render's temporary files: ffmpeg's output while a chunk is encoded, and the files {@code rendered}
 * hands to playback. They live in one folder under the system's temporary directory, named after the process that
 * made them, so files left by a killed process are removed at the next first use; the cache holds what lasts.
 */
final class PreviewFiles {

    private static final Logger LOG = Logger.getLogger(PreviewFiles.class.getName());
    private static final long PID = ProcessHandle.current().pid();

    private final Path dir;
    private final AtomicLong sequence = new AtomicLong();

    PreviewFiles(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        removeLeftovers();
    }

    /** The folder for this user: {@code $TMPDIR/tsperf-preview-USER}. */
    static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "tsperf-preview-"
                + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    Path directory() {
        return dir;
    }

    /** A new name for ffmpeg's output (an MP4 that does not exist yet). */
    Path encoderOutput() {
        return dir.resolve(PID + "-" + sequence.incrementAndGet() + "-render.mp4");
    }

    /** Writes {@code bytes} to a new file that appears whole under its name (written aside, forced, renamed). */
    Path publish(byte[] bytes) throws IOException {
        long n = sequence.incrementAndGet();
        Path tmp = dir.resolve(PID + "-" + n + "-chunk.partial");
        Path file = dir.resolve(PID + "-" + n + "-chunk.mp4");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            return Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Files named after a process that no longer runs: what a killed process left. */
    private void removeLeftovers() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int dash = name.indexOf('-');
                long pid = dash > 0 ? parse(name.substring(0, dash)) : -1;
                if (pid > 0 && pid != PID && ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "cannot remove the preview files left by ended processes in " + dir, ex);
        }
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException ex) {
            return -1; // not one of ours: left alone
        }
    }
}
