package org.tsperf.api.timeline;

/** What the bar above the Timeline's ruler shows for a chunk. */
public enum PreviewState {
    /** Plays from its sources in real time; nothing to render. */
    NOT_NEEDED,
    /** Needs rendering and has no rendered pictures for its fingerprint. */
    DIRTY,
    /** Being rendered now. */
    RENDERING,
    /** Rendered pictures for its fingerprint are in the cache; playback uses them. */
    RENDERED
}
