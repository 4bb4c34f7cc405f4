package org.tsperf.playback;

import org.tsperf.api.playback.Picture;

/**
 * A picture made for one generation of the transport; {@code tick} is its place in that run (0, 1, 2...): it is due
 * {@code tick} frame intervals after the run's first picture. A slot without a picture marks the end of the file
 * (or its start, in reverse): the player stops on {@code lastIndex} once everything before it was shown.
 */
record Slot(long generation, long tick, Picture picture, long lastIndex) {

    Slot(long generation, long tick, Picture picture) {
        this(generation, tick, picture, picture.index());
    }

    static Slot end(long generation, long tick, long lastIndex) {
        return new Slot(generation, tick, null, lastIndex);
    }

    boolean isEnd() {
        return picture == null;
    }
}
