package org.tsperf.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.tsperf.api.cache.PlaybackHint.Mode;

/**
 * The L1 policy: W-TinyLFU's structure (an LRU window in front of a segmented-LRU main space that admits an entry
 * only if it was used more often than the entry it would displace, see {@link WindowedSlru}) with the window's share
 * of the capacity chosen by shadow caches. Editing mixes recency (play, stop, play the last seconds again;
 * scrubbing), where a large window, up to plain LRU, is best, with loops longer than the cache and jumps between
 * favourite markers, where only a frequency-filtered main space keeps anything:
 * <ul>
 * <li>the same request stream also runs through shadow copies of the policy (keys and sizes, no values) with fixed
 * window shares from 1 % to 100 % (100 % is exactly LRU), each scoring its hits with an exponential decay over a
 * few cache turnovers;</li>
 * <li>when another shadow scores clearly better (by {@link #MARGIN}, or {@link #MARGIN_FROM_LRU} to leave plain
 * LRU, over both the short score and a longer one), the real cache takes that shadow's share and its segments and order for the entries both hold
 * ({@link WindowedSlru#follow}), so it evicts as that shadow would from then on. It thus follows the best of
 * these configurations for the current kind of work; what it loses is the lag of each switch.</li>
 * </ul>
 * Playback hints ({@link #hint}) protect the frames the player is about to show: while a hint protects a key
 * ({@link PlaybackHints}, {@link HintedClip}), the policy passes over it when it chooses a victim
 * ({@link ProtectedKeys}: at most {@link #PROTECTED_SHARE} of the capacity). Nothing else changes: a protected entry
 * keeps its place in the policy's order, so when the playhead has passed it (or the hint aged) it is exactly as
 * evictable as it would have been without hints: a frame a forward play passed is then among the least valuable,
 * while the frames ahead are still protected. The shadows see every request without hints: they keep choosing the
 * share for the work as a whole.
 * <p>
 * The values are held in a Caffeine cache (the storage; the decisions are made here). The bytes held (each entry
 * weighed as its size plus {@link L1Policy#ENTRY_OVERHEAD}) never exceed the capacity after a call returns.
 * Thread-safe (one lock).
 */
final class AdaptiveL1<K, V> {

    /** The window shares the shadows try; the last one is plain LRU. */
    static final double[] SHARES = {0.01, 0.1, 0.25, 0.5, 0.75, 1.0};
    /** The plain LRU share, also the one used until the shadows know better. */
    private static final int LRU = SHARES.length - 1;

    /** Scores decay over this many times the entries held (a few turnovers of the cache). */
    private static final int TURNOVERS = 4;
    /**
     * Leaving plain LRU also needs the better score over this many times the entries held (at least
     * {@link #LONG_MIN_REQUESTS}): at small capacities hit rates are a few percent, and a short score is mostly noise
     * (playback at 64 frames fell to 0.82x LRU chasing it; with this, 0.95x at worst).
     */
    private static final int LONG_TURNOVERS = 16;
    private static final int LONG_MIN_REQUESTS = 4096;
    /** How much better (relative, plus one hit) a shadow must score before the cache takes its share. */
    private static final double MARGIN = 1.005;
    /** The same for leaving plain LRU, the safe choice when the shadows barely differ. */
    private static final double MARGIN_FROM_LRU = 1.03;

    /**
     * The most of the capacity that frames protected by hints may take: a loop that fits is kept whole, a longer one
     * keeps this much of itself (a stable part, as MIN would), and the rest still serves everything else.
     */
    static final double PROTECTED_SHARE = 0.9;

    private final ToLongFunction<V> weigher;
    private final BiConsumer<K, V> evicted;
    private final java.util.function.Consumer<V> removed;
    private final Cache<K, V> store;
    private final AccessCounts<K> counts;
    private final WindowedSlru<K> held;
    private final PlaybackHints<K> hints;
    private final ProtectedKeys<K> protectedKeys;
    private final List<WindowedSlru<K>> shadows = new ArrayList<>();
    private final double[] scores = new double[SHARES.length];
    private final double[] longScores = new double[SHARES.length];
    private int chosen = LRU;
    private long capacity;

    /** @param evicted told of every entry that leaves L1 for lack of room (not of removals), under the lock */
    AdaptiveL1(long capacity, ToLongFunction<V> valueBytes, BiConsumer<K, V> evicted) {
        this(capacity, valueBytes, evicted, v -> { });
    }

    /**
     * @param evicted told of every entry that leaves L1 for lack of room (not of removals), under the lock
     * @param removed told, under the lock, of every other value that leaves: replaced, removed, or not kept by a put
     */
    AdaptiveL1(long capacity, ToLongFunction<V> valueBytes, BiConsumer<K, V> evicted,
            java.util.function.Consumer<V> removed) {
        this.weigher = v -> valueBytes.applyAsLong(v) + L1Policy.ENTRY_OVERHEAD;
        this.evicted = evicted;
        this.removed = removed;
        this.capacity = capacity;
        this.store = L1Policy.storage();
        this.counts = new AccessCounts<>(capacity);
        this.hints = new PlaybackHints<>();
        this.protectedKeys = new ProtectedKeys<>(protectedBudget(capacity));
        this.held = new WindowedSlru<>(capacity, share(LRU, capacity), counts, this::evict, protectedKeys::contains);
        for (int i = 0; i < SHARES.length; i++) {
            shadows.add(new WindowedSlru<>(capacity, share(i, capacity), counts, k -> { }));
        }
    }

    private static long share(int i, long capacity) {
        return (long) (SHARES[i] * capacity);
    }

    private static long protectedBudget(long capacity) {
        return (long) (PROTECTED_SHARE * capacity);
    }

    /**
     * What the player knows about a clip (see {@link org.tsperf.api.cache.PlaybackHint}); {@code keys} names frame N
     * of the clip. Cheap, and takes no lock of this cache: the hint is applied with the next get or put.
     */
    void hint(String clip, Mode mode, long frame, int step, long loopFirst, long loopLast, LongFunction<K> keys) {
        hints.hint(clip, mode, frame, step, loopFirst, loopLast, keys);
    }

    synchronized V get(K key) {
        V v = store.getIfPresent(key);
        if (v != null) {
            long w = weigher.applyAsLong(v);
            counts.record(key, w);
            held.hit(key);
            observe(key, w);
            hints.requested(key);
            applyHints();
        }
        return v;
    }

    /** Stores (or replaces) an entry; one larger than the capacity is not kept. */
    synchronized void put(K key, V value) {
        take(key);
        long w = weigher.applyAsLong(value);
        counts.record(key, w);
        observe(key, w);
        hints.requested(key);
        applyHints(); // before the new entry makes room, so that what the hint protects now is passed over
        if (w <= capacity) {
            store.put(key, value);
            if (hints.protects(key) && protectedKeys.hasRoomFor(w)) {
                protectedKeys.add(key, w);
            }
            held.add(key, w);
        } else {
            removed.accept(value);
        }
    }

    /** Brings {@link ProtectedKeys} up to date with the keys whose protection changed with the last request. */
    private void applyHints() {
        for (K k : hints.lost()) {
            if (protectedKeys.contains(k) && !hints.protects(k)) {
                protectedKeys.remove(k);
            }
        }
        for (K k : hints.gained()) {
            if (protectedKeys.contains(k) || !held.contains(k) || !hints.protects(k)) {
                continue;
            }
            long w = weigher.applyAsLong(store.asMap().get(k));
            if (protectedKeys.hasRoomFor(w)) {
                protectedKeys.add(k, w);
            }
        }
        hints.clearChanges();
    }

    /** Whether the key is held; not a use. */
    synchronized boolean contains(K key) {
        return held.contains(key);
    }

    synchronized V remove(K key) {
        for (WindowedSlru<K> s : shadows) {
            s.remove(key); // what was removed on purpose would not have been a hit for them either
        }
        return take(key);
    }

    private V take(K key) {
        held.remove(key);
        protectedKeys.remove(key);
        V v = store.asMap().remove(key);
        if (v != null) {
            removed.accept(v);
        }
        return v;
    }

    synchronized int removeIf(Predicate<V> which) {
        List<K> keys = new ArrayList<>();
        for (Map.Entry<K, V> e : store.asMap().entrySet()) {
            if (which.test(e.getValue())) {
                keys.add(e.getKey());
            }
        }
        keys.forEach(this::remove);
        return keys.size();
    }

    synchronized List<V> values() {
        return new ArrayList<>(store.asMap().values());
    }

    synchronized long size() {
        return held.size();
    }

    /** Bytes held, entry overhead included. */
    synchronized long weightedSize() {
        return held.weightedSize();
    }

    /** Bytes of the entries playback hints protect now (for analytics and tests). */
    synchronized long protectedBytes() {
        return protectedKeys.bytes();
    }

    /** Whether a playback hint protects the key now (for tests). */
    synchronized boolean isProtected(K key) {
        return protectedKeys.contains(key);
    }

    synchronized long capacity() {
        return capacity;
    }

    /** The window's share now, in bytes (for analytics and tests). */
    synchronized long windowTarget() {
        return held.windowTarget();
    }

    /** A new budget; shrinking evicts at once. */
    synchronized void setCapacity(long bytes) {
        capacity = bytes;
        counts.setCapacity(bytes);
        protectedKeys.setBudget(protectedBudget(bytes));
        while (protectedKeys.overBudget()) {
            protectedKeys.remove(protectedKeys.oldest());
        }
        held.setCapacity(bytes, share(chosen, bytes));
        for (int i = 0; i < SHARES.length; i++) {
            shadows.get(i).setCapacity(bytes, share(i, bytes));
        }
    }

    /**
     * Runs one request through every shadow and moves the real cache to the best share. Scores decay over about
     * four times the entries held, so that they describe the current kind of work.
     */
    private void observe(K key, long w) {
        double decay = 1.0 - 1.0 / Math.max(256, (long) TURNOVERS * held.size());
        double longDecay = 1.0 - 1.0 / Math.max(LONG_MIN_REQUESTS, (long) LONG_TURNOVERS * held.size());
        int best = chosen;
        for (int i = 0; i < SHARES.length; i++) {
            WindowedSlru<K> s = shadows.get(i);
            boolean hit = s.hit(key);
            if (!hit) {
                s.add(key, w);
            }
            scores[i] = scores[i] * decay + (hit ? 1 : 0);
            longScores[i] = longScores[i] * longDecay + (hit ? 1 : 0);
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        if (best != chosen && scores[best] > scores[chosen] * (chosen == LRU ? MARGIN_FROM_LRU : MARGIN) + 1
                && (chosen != LRU || longScores[best] > longScores[LRU] * MARGIN_FROM_LRU + 1)) {
            chosen = best;
            held.follow(shadows.get(chosen));
        }
    }

    private void evict(K key) {
        protectedKeys.remove(key); // only when nothing unprotected was left
        V v = store.asMap().remove(key);
        if (v != null) {
            evicted.accept(key, v);
        }
    }
}
