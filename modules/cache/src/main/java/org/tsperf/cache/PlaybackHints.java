package org.tsperf.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.tsperf.api.cache.PlaybackHint.Mode;

/**
 * The latest playback hint of each clip, turned into the keys that L1 protects ({@link HintedClip} says which).
 * <p>
 * Intake ({@link #hint}) may come from any thread, on every frame the player shows: it only records the hint (one
 * map put, no keys built, no lock of the cache). The owner applies what was recorded under its own lock when it
 * handles its next request ({@link #requested}), and then reads which keys became protected and which stopped being
 * protected ({@link #gained()}, {@link #lost()}).
 * <p>
 * The player need not hint on every frame: a frame of a hinted clip shown on the hinted way moves the playhead
 * (so a replayed trace has a hint line only where the user does something new). A play hint inside the clip's
 * loop keeps the loop. A hint ages: after {@link #STALE_REQUESTS} requests with its playhead still (the user paused,
 * or works elsewhere: a bin of thumbnails, another clip) it protects nothing more. Measured on the editing traces:
 * ageing after 1,024 requests kept a finished loop protected while the user scrubbed elsewhere (mixed up to 1.5 %
 * below no hints), after one capacity of requested bytes a preview's hint outlived whole views of the bin
 * (thumbnails 0.5 % below); 128 requests cost nothing measurable there.
 */
final class PlaybackHints<K> {

    /** Requests after which a hint whose playhead has not moved protects nothing. */
    static final int STALE_REQUESTS = 128;

    private record Pending<K>(Mode mode, long frame, int step, long first, long last, LongFunction<K> keys) {
    }

    private final ConcurrentHashMap<String, Pending<K>> pending = new ConcurrentHashMap<>();
    private final Map<String, HintedClip<K>> clips = new HashMap<>();
    private final List<K> gained = new ArrayList<>();
    private final List<K> lost = new ArrayList<>();
    private long requests;

    /** Records a clip's latest hint (replacing one not yet applied). Any thread; no lock of the owner. */
    void hint(String clip, Mode mode, long frame, int step, long loopFirst, long loopLast, LongFunction<K> keys) {
        pending.put(clip, new Pending<>(mode, frame, step, loopFirst, loopLast, keys));
    }

    // ---- the rest under the owner's lock ------------------------------------------------------------------------

    /**
     * A request for {@code key}: applies the recorded hints, moves playheads and ages hints. The keys whose
     * protection changed are then in {@link #gained()} and {@link #lost()} until {@link #clearChanges()}.
     */
    void requested(K key) {
        requests++;
        if (!pending.isEmpty()) {
            applyPending();
        }
        if (clips.isEmpty()) {
            return;
        }
        for (Iterator<HintedClip<K>> all = clips.values().iterator(); all.hasNext(); ) {
            HintedClip<K> c = all.next();
            if (!c.shown(key, requests, gained::add, lost::add) && requests - c.movedAt() > STALE_REQUESTS) {
                c.end(lost::add);
                all.remove();
            }
        }
    }

    boolean protects(K key) {
        for (HintedClip<K> c : clips.values()) {
            if (c.protects(key)) {
                return true;
            }
        }
        return false;
    }

    /** Keys that may have become protected since {@link #clearChanges()} (check with {@link #protects}). */
    List<K> gained() {
        return gained;
    }

    /** Keys that may have stopped being protected since {@link #clearChanges()} (check with {@link #protects}). */
    List<K> lost() {
        return lost;
    }

    void clearChanges() {
        gained.clear();
        lost.clear();
    }

    private void applyPending() {
        for (Map.Entry<String, Pending<K>> e : pending.entrySet()) {
            if (pending.remove(e.getKey(), e.getValue())) { // a newer hint recorded meanwhile waits for next time
                apply(e.getKey(), e.getValue());
            }
        }
    }

    private void apply(String clip, Pending<K> p) {
        HintedClip<K> c = clips.get(clip);
        if (c != null && continues(c, p)) {
            c.touch(requests);
            if (c.mode() != Mode.LOOP) {
                c.moveTo(p.frame(), false, gained::add, lost::add);
            }
            return;
        }
        if (c != null) {
            clips.remove(clip).end(lost::add);
        }
        if (p.mode() != Mode.STOP) {
            HintedClip<K> next = new HintedClip<>(p.mode(), p.frame(), p.step(), p.first(), p.last(), p.keys(),
                    requests);
            clips.put(clip, next);
            next.start(gained::add);
        }
    }

    /** Whether {@code p} only moves the playhead of {@code c}'s kind of hint (or plays inside its loop). */
    private static boolean continues(HintedClip<?> c, Pending<?> p) {
        return switch (p.mode()) {
            case LOOP -> c.sameLoop(p.first(), p.last());
            case PLAY -> c.inLoop(p.frame()) || (c.mode() == Mode.PLAY && c.step() == p.step());
            case SCRUB -> c.mode() == Mode.SCRUB;
            case STOP -> false;
        };
    }
}
