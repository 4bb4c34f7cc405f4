package org.tsperf.api.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Projects: reading and writing project files (versioned JSON, the format in the README), editing with undo, and the
 * preview chunks with their fingerprints. Provided through Lookup by the timeline module. Thread-safe; reading and
 * writing touch files and fingerprints read sources' content keys, so not on the event thread.
 */
public interface TimelineService {

    /** The project file format this version writes and reads (older versions are read and upgraded). */
    int FORMAT_VERSION = 1;

    /**
     * Reads a project file whole.
     *
     * @throws ProjectFileException for a missing, damaged or newer file, saying which and what to do
     */
    Project read(Path file) throws ProjectFileException;

    /** Writes a project atomically: the complete file appears under its name, or the old one stays. */
    void write(Project project, Path file) throws IOException;

    /** Opens a project file for editing. */
    TimelineDocument open(Path file) throws ProjectFileException;

    /** Starts editing a project that has no file yet. */
    TimelineDocument create(Project project);

    /**
     * The project's preview chunks at a preview size, {@code chunkFrames} frames each (the last one shorter).
     * Reads each source's content key (cached by file size and modification time).
     */
    List<PreviewChunk> chunks(Project project, int previewWidth, int previewHeight, int chunkFrames,
            String rendererVersion) throws IOException;
}
