package org.tsperf.api.cache;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * What the player knows about the frames it will ask for next, so that the cache keeps the frames about to be shown
 * and lets the frames behind a forward play go first. {@code frameKey} names frame N of the clip in the cache (the
 * key the player stores that frame under); a replayed trace names frames {@code CLIP:fN}.
 *
 * @param mode      what the user does
 * @param clip      the clip (a source's content id, or a trace's clip name)
 * @param frame     the playhead's frame
 * @param step      frames per step while playing: 1 forward, -1 reverse, 2 or 4 for a fast shuttle, 0 paused
 * @param loopFirst first frame of the loop ({@link Mode#LOOP} only)
 * @param loopLast  last frame of the loop ({@link Mode#LOOP} only)
 * @param frameKey  the cache key of frame N of this clip
 */
public record PlaybackHint(Mode mode, String clip, long frame, int step, long loopFirst, long loopLast,
        LongFunction<CacheKey> frameKey) {

    /** What the user does. */
    public enum Mode {
        /** playing (or paused, step 0) from {@code frame} */
        PLAY,
        /** looping {@code loopFirst..loopLast} */
        LOOP,
        /** dragging the playhead around {@code frame} */
        SCRUB,
        /** the clip is closed: its frames are no more likely than any other */
        STOP
    }

    public PlaybackHint {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(frameKey, "frameKey");
        if (frame < 0 || (mode == Mode.LOOP && (loopFirst < 0 || loopLast < loopFirst))) {
            throw new IllegalArgumentException("hint out of range: frame " + frame + ", loop " + loopFirst + ".."
                    + loopLast);
        }
    }

    public static PlaybackHint play(String clip, long frame, int step, LongFunction<CacheKey> frameKey) {
        return new PlaybackHint(Mode.PLAY, clip, frame, step, 0, 0, frameKey);
    }

    public static PlaybackHint loop(String clip, long first, long last, LongFunction<CacheKey> frameKey) {
        return new PlaybackHint(Mode.LOOP, clip, first, 1, first, last, frameKey);
    }

    public static PlaybackHint scrub(String clip, long frame, LongFunction<CacheKey> frameKey) {
        return new PlaybackHint(Mode.SCRUB, clip, frame, 0, 0, 0, frameKey);
    }

    public static PlaybackHint stop(String clip, LongFunction<CacheKey> frameKey) {
        return new PlaybackHint(Mode.STOP, clip, 0, 0, 0, 0, frameKey);
    }
}
