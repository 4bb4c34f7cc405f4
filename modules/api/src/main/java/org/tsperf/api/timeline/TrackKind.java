package org.tsperf.api.timeline;

/** What a track holds: pictures (composited, later tracks on top) or sound (mixed). */
public enum TrackKind { VIDEO, AUDIO }
