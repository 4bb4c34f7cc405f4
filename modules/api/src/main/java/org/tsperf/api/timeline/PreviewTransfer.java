package org.tsperf.api.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Preview chunks rendered on one machine and taken into the preview cache of another (the render cluster's
 * {@code render --preview --cluster}): the chunks a local {@code render --preview} would render, one chunk rendered
 * with the same code and settings into a file, and a file checked and stored as that chunk's PREVIEW cache entry.
 * Provided through Lookup by the render module. Thread-safe; blocking (not on the event thread).
 */
public interface PreviewTransfer {

    /** The chunks of {@code project} that need a render and that this machine's preview cache lacks, in order. */
    List<PreviewChunk> pending(Project project) throws IOException;

    /** The chunk of {@code project} (as planned here) with fingerprint {@code fingerprint}, if any. */
    Optional<PreviewChunk> chunk(Project project, String fingerprint) throws IOException;

    /**
     * Renders {@code chunk} of {@code project} as a local preview render would, into {@code out} (written
     * atomically: whole or not at all); the cache is not touched.
     */
    void renderInto(Project project, PreviewChunk chunk, Path out) throws IOException, InterruptedException;

    /**
     * Checks that {@code file} holds every frame of {@code chunk} (a probe) and stores it as the chunk's entry of
     * this machine's preview cache, as a local render would.
     *
     * @throws IOException naming the file and what is wrong when it is not the chunk or the cache does not keep it
     */
    void adopt(PreviewChunk chunk, Path file) throws IOException;
}
