package org.tsperf.api.cache;

import java.util.Locale;
import java.util.Objects;

/**
 * A playback hint inside a trace: what the player knew at that moment, as {@link PlaybackHint} says it to a running
 * cache. In a trace, frame N of clip CLIP is the key {@code CLIP:fN} ({@link #frameKey}); keys of another form get no
 * hint.
 *
 * @param mode      {@link PlaybackHint.Mode#PLAY}, {@link PlaybackHint.Mode#LOOP} or {@link PlaybackHint.Mode#SCRUB}
 * @param clip      the clip's name in the trace's keys (no whitespace, no colon)
 * @param frame     the playhead ({@code @play}, {@code @scrub}) or the loop's first frame ({@code @loop})
 * @param step      frames per step of {@code @play} (1 forward, -1 reverse, 2 or 4 shuttle, 0 paused); 1 for a loop
 * @param loopLast  the loop's last frame ({@code @loop} only, else 0)
 */
public record TraceHint(PlaybackHint.Mode mode, String clip, long frame, int step, long loopLast)
        implements TraceEvent {

    public TraceHint {
        Objects.requireNonNull(mode, "mode");
        if (mode == PlaybackHint.Mode.STOP) {
            throw new IllegalArgumentException("a trace has no stop hints: a clip's last hint simply ages");
        }
        if (clip == null || clip.isEmpty() || clip.contains(":") || clip.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a clip name has no whitespace and no colon: '" + clip + "'");
        }
        if (frame < 0 || (mode == PlaybackHint.Mode.LOOP && loopLast < frame)) {
            throw new IllegalArgumentException("hint out of range: frame " + frame + ", loop end " + loopLast);
        }
    }

    public static TraceHint play(String clip, long frame, int step) {
        return new TraceHint(PlaybackHint.Mode.PLAY, clip, frame, step, 0);
    }

    public static TraceHint loop(String clip, long first, long last) {
        return new TraceHint(PlaybackHint.Mode.LOOP, clip, first, 1, last);
    }

    public static TraceHint scrub(String clip, long frame) {
        return new TraceHint(PlaybackHint.Mode.SCRUB, clip, frame, 0, 0);
    }

    /** The trace key of frame {@code n} of {@code clip}: {@code CLIP:fN}. */
    public static String frameKey(String clip, long n) {
        return clip + ":f" + n;
    }

    /** The trace line: {@code @play CLIP N S}, {@code @loop CLIP A B} or {@code @scrub CLIP N}. */
    public String toLine() {
        String name = "@" + mode.name().toLowerCase(Locale.ROOT) + " " + clip + " " + frame;
        return switch (mode) {
            case PLAY -> name + " " + step;
            case LOOP -> name + " " + loopLast;
            default -> name;
        };
    }
}
