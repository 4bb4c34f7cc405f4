package org.tsperf.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.tsperf.api.cache.PlaybackHint.Mode;

/**
 * One clip's latest hint and the frames it protects. The frames are kept as a lattice of keys (frame
 * {@code base + k * step} at index k) a little longer than what is protected, so that moving the playhead shifts a
 * range of indexes instead of building keys again:
 * <ul>
 * <li>playing (step s, not 0): the next {@link #HORIZON} frames on the playhead's way, {@code p+s, p+2s, ...} (and
 * {@code p} itself until it was shown);</li>
 * <li>paused or scrubbing: the frames within {@link #NEIGHBOURHOOD} of the playhead, both ways;</li>
 * <li>looping: the loop's frames from its start, at most {@link #MAX_LOOP_FRAMES} (the owner's budget takes the
 * first that fit, a stable part of a loop longer than the cache).</li>
 * </ul>
 * Not thread-safe (the owner's lock guards it).
 */
final class HintedClip<K> {

    /** Frames ahead of a playing playhead that are protected: about two seconds at 60 fps. */
    static final int HORIZON = 120;
    /** Frames either side of a paused or scrubbing playhead that are protected. */
    static final int NEIGHBOURHOOD = 32;
    /** The most frames of a loop that are protected (the owner's budget usually stops well before). */
    static final int MAX_LOOP_FRAMES = 4096;
    /** Extra lattice beyond the protected frames, so that the keys are built again only every so many frames. */
    private static final int SLACK = 64;

    private final Mode mode;
    private final int step;
    private final long loopFirst;
    private final long loopLast;
    private final LongFunction<K> keys;

    private final List<K> lattice = new ArrayList<>();
    private final Map<K, Integer> index = new HashMap<>();
    private long base;
    private int latticeStep;
    private long playhead;
    private boolean shown;
    private long movedAt;
    private int lo;
    private int hi = -1;

    HintedClip(Mode mode, long frame, int step, long loopFirst, long loopLast, LongFunction<K> keys, long clock) {
        this.mode = mode;
        this.step = step;
        this.loopFirst = loopFirst;
        this.loopLast = loopLast;
        this.keys = keys;
        this.playhead = frame;
        this.movedAt = clock;
    }

    Mode mode() {
        return mode;
    }

    int step() {
        return step;
    }

    long movedAt() {
        return movedAt;
    }

    boolean sameLoop(long first, long last) {
        return mode == Mode.LOOP && loopFirst == first && loopLast == last;
    }

    boolean inLoop(long frame) {
        return mode == Mode.LOOP && frame >= loopFirst && frame <= loopLast;
    }

    /** Builds the lattice and reports every protected key. */
    void start(Consumer<K> gained) {
        rebuild();
        forRange(lo, hi, gained);
    }

    /** Reports every protected key (the hint is replaced or aged). */
    void end(Consumer<K> lost) {
        forRange(lo, hi, lost);
    }

    boolean protects(K key) {
        Integer k = index.get(key);
        return k != null && k >= lo && k <= hi;
    }

    /**
     * The player showed {@code key}: a frame of this clip on the hinted way moves the playhead there (the frames
     * passed are reported lost, those that come into the horizon gained). Other keys change nothing.
     *
     * @return whether the key is a frame this hint follows (the hint is then fresh again)
     */
    boolean shown(K key, long clock, Consumer<K> gained, Consumer<K> lost) {
        Integer k = index.get(key);
        if (k == null) {
            return false;
        }
        if (mode == Mode.LOOP) {
            movedAt = clock; // nothing moves in a loop: the whole loop stays protected while it is played
            return true;
        }
        if (playing() && (k < lo || k > hi)) {
            return false; // a play follows only the frames on its way
        }
        movedAt = clock;
        moveTo(base + (long) k * latticeStep, true, gained, lost);
        return true;
    }

    /** The same play, paused or scrub hint again with another playhead (a player hinting on every frame). */
    void moveTo(long frame, boolean wasShown, Consumer<K> gained, Consumer<K> lost) {
        int oldLo = lo;
        int oldHi = hi;
        playhead = frame;
        shown = wasShown;
        if (!coveredFits()) {
            forRange(oldLo, oldHi, lost);
            rebuild();
            forRange(lo, hi, gained);
            return;
        }
        cover();
        // the ranges are intervals: report what left and what came
        for (int k = oldLo; k <= oldHi; k++) {
            if (k < lo || k > hi) {
                lost.accept(lattice.get(k));
            }
        }
        for (int k = lo; k <= hi; k++) {
            if (k < oldLo || k > oldHi) {
                gained.accept(lattice.get(k));
            }
        }
    }

    void touch(long clock) {
        movedAt = clock;
    }

    private void forRange(int from, int to, Consumer<K> each) {
        for (int k = from; k <= to; k++) {
            each.accept(lattice.get(k));
        }
    }

    private boolean playing() {
        return mode == Mode.PLAY && step != 0;
    }

    private int radius() {
        return NEIGHBOURHOOD;
    }

    /** Whether the protected range of the playhead now lies inside the lattice (or the lattice ends at frame 0). */
    private boolean coveredFits() {
        if (mode == Mode.LOOP) {
            return true;
        }
        long first = playing() ? playhead : Math.max(0, playhead - radius());
        long last = playing() ? playhead + (long) HORIZON * step : playhead + radius();
        if (last < 0) {
            last = playhead % -step; // a reverse play ends at its lowest frame
        }
        return inLattice(first) && inLattice(last);
    }

    private boolean inLattice(long frame) {
        long d = frame - base;
        if (lattice.isEmpty() || d % latticeStep != 0) {
            return false;
        }
        long k = d / latticeStep;
        return k >= 0 && k < lattice.size();
    }

    private void rebuild() {
        lattice.clear();
        index.clear();
        long count;
        if (mode == Mode.LOOP) {
            base = loopFirst;
            latticeStep = 1;
            count = Math.min(MAX_LOOP_FRAMES, loopLast - loopFirst + 1);
        } else if (playing()) {
            base = playhead;
            latticeStep = step;
            count = HORIZON + SLACK + 1;
            if (step < 0) {
                count = Math.min(count, playhead / -step + 1);
            }
        } else {
            base = Math.max(0, playhead - radius() - SLACK);
            latticeStep = 1;
            count = playhead + radius() + SLACK - base + 1;
        }
        for (int k = 0; k < count; k++) {
            K key = keys.apply(base + (long) k * latticeStep);
            lattice.add(key);
            index.put(key, k);
        }
        cover();
    }

    /** Sets lo..hi to the indexes protected at the playhead. */
    private void cover() {
        int last = lattice.size() - 1;
        if (mode == Mode.LOOP) {
            lo = 0;
            hi = last;
            return;
        }
        long k = (playhead - base) / latticeStep;
        if (playing()) {
            lo = (int) Math.min(last + 1, k + (shown ? 1 : 0));
            hi = (int) Math.min(last, k + HORIZON);
        } else {
            lo = (int) Math.max(0, k - radius());
            hi = (int) Math.min(last, k + radius());
        }
    }
}
