package org.tsperf.api.timeline;

import java.nio.file.Path;

/**
 * A project file that cannot be read: missing, not a project, damaged, or written by a newer version. The message says
 * which file, what is wrong and what to do; nothing of the file was loaded.
 */
public class ProjectFileException extends Exception {

    private final Path file;

    public ProjectFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public ProjectFileException(Path file, String message) {
        this(file, message, null);
    }

    public Path file() {
        return file;
    }
}
