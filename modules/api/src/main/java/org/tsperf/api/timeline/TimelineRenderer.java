package org.tsperf.api.timeline;

import org.tsperf.api.media.MediaException;

/** Makes a project's pictures. Provided through Lookup by the render module. Thread-safe. */
public interface TimelineRenderer {

    /** The version of the pictures this renderer makes; part of every preview chunk's fingerprint. */
    String version();

    /**
     * Opens the project's sources for rendering at {@code width x height} (the project's size for an export, smaller
     * for a preview), from proxies when {@code useProxies} and a ready proxy is large enough, else the originals.
     *
     * @throws MediaException when a source cannot be opened (the message names it)
     */
    TimelinePictures open(Project project, int width, int height, boolean useProxies) throws MediaException;
}
