package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A file written beside its target under a hidden name of its own, then renamed over the target in one step: readers
 * see no file or a whole one, and two writers of the same target (a segment rendered twice at once) each write their
 * own and the last rename wins.
 */
final class AsideFile {

    private static final Logger LOG = Logger.getLogger(AsideFile.class.getName());

    private AsideFile() {
    }

    /** {@code .NAME.KIND-TAG.EXT} in the target's folder ({@code .film.mp4.partial-TAG.mp4}). */
    static Path beside(Path target, String kind, String tag) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return beside(target, kind, tag, dot > 0 ? name.substring(dot + 1) : "out");
    }

    /** {@code .NAME.KIND-TAG.EXT} in the target's folder, with an extension of its own. */
    static Path beside(Path target, String kind, String tag, String ext) {
        return target.toAbsolutePath().getParent().resolve("." + target.getFileName() + "." + kind + "-" + tag + "."
                + ext);
    }

    /** {@link #beside} with a tag no other writer has. */
    static Path unique(Path target, String kind) {
        return unique(target, kind, null);
    }

    /** {@link #beside} with a tag no other writer has and extension {@code ext} (null: the target's). */
    static Path unique(Path target, String kind, String ext) {
        String tag = UUID.randomUUID().toString();
        return ext == null ? beside(target, kind, tag) : beside(target, kind, tag, ext);
    }

    /** Removes a file written aside that was not published; a failure to do so is logged, not thrown. */
    static void discard(Path written) {
        try {
            Files.deleteIfExists(written);
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "could not remove the unfinished file " + written, ex);
        }
    }

    /** The folder a target is written into must exist and be writable. */
    static void checkFolder(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IOException(dir + ": the folder of " + target.getFileName() + " does not exist or cannot be"
                    + " written; choose another.");
        }
    }

    /** Renames {@code written} over {@code target} in one step. */
    static void publish(Path written, Path target) throws IOException {
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
