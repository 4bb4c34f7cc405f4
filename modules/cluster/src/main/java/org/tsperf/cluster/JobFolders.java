package org.tsperf.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Files in a job's folder: written whole (aside, then renamed), and the folder removed when the job is done. */
final class JobFolders {

    private static final Logger LOG = Logger.getLogger(JobFolders.class.getName());

    private JobFolders() {
    }

    /** Writes {@code text} into {@code target} aside and renames it: a reader finds no file or the whole one. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            Files.writeString(temp, text, StandardCharsets.ISO_8859_1);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes the job folder and everything in it; a failure is logged (the job itself is done). */
    static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the job folder " + folder + " could not be removed; delete it by hand", ex);
        }
    }
}
