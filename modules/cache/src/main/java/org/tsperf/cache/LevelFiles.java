package org.tsperf.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of a disk level as a whole. */
final class LevelFiles {

    private LevelFiles() {
    }

    /** Removes the index files ({@code indexGlob} in {@code dir}: index.db and its logs) and every value file. */
    static void discard(Path dir, String indexGlob, Path values) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, indexGlob)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(values)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }
}
