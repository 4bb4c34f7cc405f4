package org.tsperf.api.playback;

import java.nio.file.Path;

/**
 * The workbench's Viewer, for windows that offer "Open in Viewer" (the Proxy Manager's list). Provided through
 * Lookup by the playback module; absent when that module is not installed.
 */
public interface MediaViewer {

    /** Opens the Viewer window (if closed), shows it and opens the file in it. Call on the event thread. */
    void show(Path file);
}
