package org.tsperf.api.cache;

/** One line of a replayable trace: an access ({@code KEY SIZE}) or a playback hint ({@code @play ...}). */
public sealed interface TraceEvent permits TraceAccess, TraceHint {
}
