package org.tsperf.api.memory;

/** Who needs a buffer how urgently; waiting allocations are served in this order. */
public enum Priority {
    /** The frame on screen now. */
    CRITICAL,
    /** Read-ahead for playback. */
    HIGH,
    NORMAL,
    /** Thumbnails, background work. */
    LOW
}
