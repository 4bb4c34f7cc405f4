package org.tsperf.api.memory;

/** What a buffer holds; the pressure reactions free kinds in a fixed order. */
public enum BufferKind {
    VIDEO,
    AUDIO,
    THUMBNAIL,
    OTHER
}
