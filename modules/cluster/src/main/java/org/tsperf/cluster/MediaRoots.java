package org.tsperf.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders of shared storage a worker may read media from and write job folders into. A path is inside only when
 * its real path (links followed, {@code ..} resolved) lies under a root's real path, so a link inside a root that
 * points out of it is outside.
 */
final class MediaRoots {

    private final List<Path> roots;

    private MediaRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** @throws IOException naming a root that does not exist or is not a folder */
    static MediaRoots of(List<Path> folders) throws IOException {
        if (folders.isEmpty()) {
            throw new IOException("a worker needs at least one media root (--media-root DIR): the shared storage"
                    + " its media and job folders are on");
        }
        List<Path> real = new ArrayList<>();
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new IOException("the media root " + f + " is not a folder: mount the shared storage there or"
                        + " name the folder it is in");
            }
            real.add(f.toRealPath());
        }
        return new MediaRoots(real);
    }

    List<Path> roots() {
        return roots;
    }

    /**
     * The real path of an existing file or folder under a root.
     *
     * @throws SecurityException when it lies outside every root
     * @throws IOException       when it does not exist or cannot be resolved
     */
    Path inside(Path path, String what) throws IOException {
        if (!path.isAbsolute()) {
            throw new SecurityException(what + " " + path + " is not an absolute path: refused");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException ex) {
            throw new NoSuchFileException(path.toString(), null, what + " does not exist on this worker (is the"
                    + " shared storage mounted at the same place?)");
        }
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return real;
            }
        }
        throw new SecurityException(what + " " + path + (real.equals(path) ? "" : " (really " + real + ")")
                + " is outside this worker's media roots " + roots + ": refused");
    }
}
