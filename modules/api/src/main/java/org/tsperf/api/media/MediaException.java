package org.tsperf.api.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** A file that cannot be used as media, with what is wrong and what to do in its message. */
public class MediaException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with a file. */
    public enum Problem {
        /** there is no such file */
        MISSING,
        /** it exists but cannot be read (permissions, a directory, an I/O error) */
        UNREADABLE,
        /** zero bytes */
        EMPTY,
        /** FFmpeg recognises no media container in it (random data, a moov-less truncated file...) */
        NOT_MEDIA,
        /** a media file with no video stream */
        NO_VIDEO,
        /** it ends before the frames its container announces */
        TRUNCATED,
        /** decoding or encoding failed */
        CORRUPT
    }

    private final transient Path file;
    private final Problem problem;

    public MediaException(Path file, Problem problem, String message) {
        super(message);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public MediaException(Path file, Problem problem, String message, Throwable cause) {
        this(file, problem, message);
        initCause(cause);
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }
}
