package org.tsperf.api.timeline;

import java.util.Objects;

/**
 * A cross-fade between two clips of one track. The clips overlap by exactly {@code length} frames
 * ({@code to.start == from.end - length}), as ffmpeg's {@code xfade} joins two inputs: over the overlap the picture
 * (and the sound, on an audio track) goes from {@code from} to {@code to}; at overlap frame i of n the mix is
 * {@code (i + 1) / (n + 1)} of {@code to}.
 *
 * @param fromClip the earlier clip's id
 * @param toClip   the later clip's id
 * @param length   frames of overlap, at least 1
 */
public record Transition(String fromClip, String toClip, long length) {

    public Transition {
        Objects.requireNonNull(fromClip, "fromClip");
        Objects.requireNonNull(toClip, "toClip");
        if (length < 1) {
            throw new IllegalArgumentException("a transition lasts at least 1 frame, not " + length);
        }
        if (fromClip.equals(toClip)) {
            throw new IllegalArgumentException("a transition joins two different clips, not " + fromClip
                    + " with itself");
        }
    }

    /** The share of {@code to} at overlap frame {@code i} (0 .. length-1). */
    public double mix(long i) {
        return (i + 1) / (double) (length + 1);
    }
}
