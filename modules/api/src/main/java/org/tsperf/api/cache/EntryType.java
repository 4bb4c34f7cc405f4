package org.tsperf.api.cache;

/** What a cache entry holds; statistics and clearing are also kept per type. */
public enum EntryType {
    /** A decoded video frame at some resolution after some processing. */
    FRAME,
    /** A small picture of a source at a time, for strips and bins. */
    THUMBNAIL,
    /** Audio peaks of a range of samples. */
    WAVEFORM,
    /** A rendered segment of the timeline preview. */
    PREVIEW
}
