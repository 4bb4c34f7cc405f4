package org.tsperf.api.timeline;

/** Live figures of timeline playback and rendering. Provided by the playback module. */
public interface PlaybackStatus {

    /** Current figures. Cheap; may be called from any thread. */
    PlaybackFigures figures();
}
