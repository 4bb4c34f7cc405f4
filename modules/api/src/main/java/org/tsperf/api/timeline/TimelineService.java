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
     * The project's preview chunks at a preview size, {@code chunkFrames} frames each (the last one shorter): chunk i
     * covers frames {@code [i * chunkFrames, min((i + 1) * chunkFrames, length))}. Reads each video source's content
     * key (SHA-256 of its size and its first and last MiB, cached by path, size and modification time). The
     * fingerprint covers what makes the chunk's pictures and nothing else (not ids, audio or the chunk's place), so an
     * edit changes only the chunks whose pictures change and an undo gives the old fingerprints back. A chunk needs
     * rendering when a video clip in it has an effect (full opacity and a neutral colour adjustment do not count), a
     * transition meets it, a clip lies over another video track's clip, or a source is heavier than 3840x2160 at 30
     * frames a second (probed through {@code MediaProbe} when one is in Lookup); empty stretches never do.
     *
     * @throws java.nio.file.NoSuchFileException naming the clip whose source is missing
     */
    List<PreviewChunk> chunks(Project project, int previewWidth, int previewHeight, int chunkFrames,
            String rendererVersion) throws IOException;
}
