package org.tsperf.api.playback;

import java.nio.file.Path;

/**
 * The workbench's Viewer, for windows that offer "Open in Viewer" (the Proxy Manager's list). Provided through
 * Lookup by the playback module; absent when that module is not installed.
 */
public interface MediaViewer {

    /** Opens the Viewer window (if closed), shows it and opens the file in it. Call on the event thread. */
    void show(Path file);

    /**
     * Opens the Viewer window (if closed), shows it and plays {@code project}'s timeline in it
     * ({@link Player#openProject}): a project of the timeline already shown keeps the position. Call on the event
     * thread.
     */
    void showProject(org.tsperf.api.timeline.Project project);

    /**
     * An edit of a project: when the Viewer shows a timeline, it shows {@code project} from the next frame on;
     * otherwise nothing happens. Any thread.
     */
    void projectEdited(org.tsperf.api.timeline.Project project);

    /**
     * The Viewer's player while its window is open, to follow its position ({@link Player#addListener}) or seek it;
     * empty when the window is closed. Any thread.
     */
    java.util.Optional<Player> player();
}
