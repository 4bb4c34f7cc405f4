package org.tsperf.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small tmpfs file system mounted for one test (root only; CI runs as root), so that a write runs out of
 * space as it would on a full disk. {@link #fill} takes the space that is left; {@link #free} gives it back.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path dir;
    private final Path filler;

    private SmallDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler.bin");
    }

    /** Mounts a tmpfs of {@code bytes} at {@code dir} (created); the test is skipped where mounting is not allowed. */
    public static SmallDisk mount(Path dir, long bytes) throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: mounting a small tmpfs to fill needs root (CI runs as root)");
        Files.createDirectories(dir);
        String out = exec(List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString()));
        Assumptions.assumeTrue(out == null, "skipped: mount -t tmpfs is not permitted here: " + out);
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Usable bytes left on the file system. */
    public long usable() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /** Takes all but {@code leave} bytes of the space left, with a file outside anything the product owns. */
    public void fill(long leave) throws IOException {
        long take = Math.max(0, usable() - leave);
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            while (take > 0) {
                int n = (int) Math.min(block.length, take);
                out.write(block, 0, n);
                take -= n;
            }
        }
    }

    /** Gives the space taken by {@link #fill} back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String out = exec(List.of("umount", "-l", dir.toString()));
        if (out != null) {
            throw new IOException("cannot unmount " + dir + ": " + out);
        }
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return cmd + " did not end within 30 s";
        }
        return p.exitValue() == 0 ? null : cmd + " exited " + p.exitValue() + ": " + out.trim();
    }
}
