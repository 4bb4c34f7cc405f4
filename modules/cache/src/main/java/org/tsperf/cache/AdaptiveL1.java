package org.tsperf.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The L1 policy: an LRU recency window in front of a Caffeine main space (W-TinyLFU admission), the split between
 * them adapted ARC-style from ghost hits. Editing mixes recency (play, stop, play the last seconds again; scrubbing)
 * where TinyLFU alone rejects every new frame, with loops and jumps between markers where plain LRU thrashes:
 * <ul>
 * <li>new entries enter the window; its least recently used entry moves to the main space, where Caffeine admits
 * it only if it is used more often than Caffeine's own victim;</li>
 * <li>an entry that left the main space without a hit there is a <em>recency ghost</em>, one that had hits a
 * <em>frequency ghost</em> (keys and sizes only; as in ARC, recency ghosts and the window together stay within the capacity, so only a reuse closer than the capacity counts);</li>
 * <li>a miss on a recency ghost grows the window, a miss on a frequency ghost shrinks it (as ARC adapts p).</li>
 * </ul>
 * The bytes held (window plus main, each entry weighed as its size plus {@link L1Policy#ENTRY_OVERHEAD}) never
 * exceed the capacity after a call returns. Thread-safe (one lock; Caffeine does its maintenance on the caller).
 */
final class AdaptiveL1<K, V> {

    private final ToLongFunction<V> weigher;
    private final BiConsumer<K, V> evicted;
    private final LinkedHashMap<K, V> window = new LinkedHashMap<>(64, 0.75f, true);
    private final Cache<K, V> main;
    private final Policy.Eviction<K, V> mainEviction;
    private final Set<K> hitInMain = new HashSet<>();
    private final Map<K, Long> lastUse = new java.util.HashMap<>();
    private final Map<K, Long> ghostLastUse = new java.util.HashMap<>();
    private final LinkedHashMap<K, Long> recencyGhosts = new LinkedHashMap<>();
    private final LinkedHashMap<K, Long> frequencyGhosts = new LinkedHashMap<>();
    private long capacity;
    private long windowTarget;
    private long windowBytes;
    private long recencyGhostBytes;
    private long frequencyGhostBytes;
    private long ticks;
    private long tickBytes;

    /** @param evicted told of every entry that leaves L1 for lack of room (not of removals), under the lock */
    AdaptiveL1(long capacity, ToLongFunction<V> valueBytes, BiConsumer<K, V> evicted) {
        this.weigher = v -> valueBytes.applyAsLong(v) + L1Policy.ENTRY_OVERHEAD;
        this.evicted = evicted;
        this.capacity = capacity;
        this.windowTarget = capacity / 2; // half and half until the ghosts say otherwise
        this.main = L1Policy.build(capacity - windowTarget, valueBytes::applyAsLong, (k, v, cause) -> {
            if (k != null && v != null && cause.wasEvicted()) {
                leftMain(k, v);
            }
        });
        this.mainEviction = main.policy().eviction().orElseThrow();
    }

    synchronized V get(K key) {
        ticks++;
        V v = window.get(key);
        if (v == null) {
            v = main.getIfPresent(key);
            if (v != null) {
                hitInMain.add(key);
            }
        }
        if (v != null) {
            lastUse.put(key, ticks);
            tickBytes += weigher.applyAsLong(v);
        }
        return v;
    }

    /** Stores (or replaces) an entry; one larger than the capacity is not kept. */
    synchronized void put(K key, V value) {
        remove(key);
        long w = weigher.applyAsLong(value);
        adapt(key, w);
        tickBytes += w;
        if (w > capacity) {
            return;
        }
        lastUse.put(key, ticks);
        window.put(key, value);
        windowBytes += w;
        trimWindow();
    }

    /** Whether the key is held; not a use. */
    synchronized boolean contains(K key) {
        return window.containsKey(key) || main.asMap().containsKey(key);
    }

    synchronized V remove(K key) {
        lastUse.remove(key);
        V v = window.remove(key);
        if (v != null) {
            windowBytes -= weigher.applyAsLong(v);
            return v;
        }
        hitInMain.remove(key);
        return main.asMap().remove(key);
    }

    synchronized int removeIf(Predicate<V> which) {
        List<K> keys = new ArrayList<>();
        window.forEach((k, v) -> {
            if (which.test(v)) {
                keys.add(k);
            }
        });
        main.asMap().forEach((k, v) -> {
            if (which.test(v)) {
                keys.add(k);
            }
        });
        keys.forEach(this::remove);
        return keys.size();
    }

    synchronized List<V> values() {
        List<V> all = new ArrayList<>(window.values());
        all.addAll(main.asMap().values());
        return all;
    }

    synchronized long size() {
        return window.size() + main.estimatedSize();
    }

    /** Bytes held, entry overhead included. */
    synchronized long weightedSize() {
        return windowBytes + mainEviction.weightedSize().orElse(0);
    }

    synchronized long capacity() {
        return capacity;
    }

    /** The window's share now (for analytics and tests). */
    synchronized long windowTarget() {
        return windowTarget;
    }

    /** A new budget; shrinking evicts at once. */
    synchronized void setCapacity(long bytes) {
        windowTarget = Math.max(0, Math.min(bytes, windowTarget * bytes / Math.max(1, capacity)));
        capacity = bytes;
        resize();
    }

    private void adapt(K key, long w) {
        Long ghost = recencyGhosts.remove(key);
        Long last = ghostLastUse.remove(key);
        if (ghost != null) {
            recencyGhostBytes -= ghost;
            // grow only if plain LRU of the whole capacity would have hit: the accesses since its last use, at the
            // mean size, fit (an upper bound of the bytes of distinct entries in between). A loop longer than the
            // capacity never grows the window.
            long meanBytes = tickBytes / Math.max(1, ticks);
            if (last == null || (ticks - last) * meanBytes > capacity) {
                return;
            }
            long step = Math.max(w, w * frequencyGhostBytes / Math.max(1, recencyGhostBytes));
            windowTarget = Math.min(capacity - capacity / 100, windowTarget + step);
            resize();
            return;
        }
        ghost = frequencyGhosts.remove(key);
        if (ghost != null) {
            frequencyGhostBytes -= ghost;
            long step = Math.max(w, w * recencyGhostBytes / Math.max(1, frequencyGhostBytes));
            windowTarget = Math.max(capacity / 100, windowTarget - step);
            resize();
        }
    }

    /** Makes window + main fit the capacity at the current split. */
    private void resize() {
        long mainMax = Math.max(0, capacity - windowTarget);
        if (mainMax < mainEviction.getMaximum()) {
            mainEviction.setMaximum(mainMax); // evicts from main first, then the window may grow
            trimWindow();
        } else {
            trimWindow();
            mainEviction.setMaximum(mainMax);
        }
    }

    /** Moves the window's least recently used entries to the main space until the window fits its share. */
    private void trimWindow() {
        Iterator<Map.Entry<K, V>> lru = window.entrySet().iterator();
        while (windowBytes > windowTarget && lru.hasNext()) {
            Map.Entry<K, V> e = lru.next();
            lru.remove();
            windowBytes -= weigher.applyAsLong(e.getValue());
            if (mainEviction.getMaximum() > 0) {
                main.put(e.getKey(), e.getValue());
            } else {
                leftMain(e.getKey(), e.getValue());
            }
        }
    }

    private void leftMain(K key, V value) {
        long w = weigher.applyAsLong(value);
        Long last = lastUse.remove(key);
        if (last != null) {
            ghostLastUse.put(key, last);
        }
        if (hitInMain.remove(key)) {
            frequencyGhosts.put(key, w);
            frequencyGhostBytes += w;
            frequencyGhostBytes -= trim(frequencyGhosts, frequencyGhostBytes, capacity);
        } else {
            recencyGhosts.put(key, w);
            recencyGhostBytes += w;
            recencyGhostBytes -= trim(recencyGhosts, recencyGhostBytes, capacity - windowBytes);
        }
        evicted.accept(key, value);
    }

    /** Drops the oldest ghosts beyond {@code limit} bytes; returns the bytes dropped. */
    private long trim(LinkedHashMap<K, Long> ghosts, long bytes, long limit) {
        long dropped = 0;
        Iterator<Map.Entry<K, Long>> oldest = ghosts.entrySet().iterator();
        while (bytes - dropped > limit && oldest.hasNext()) {
            Map.Entry<K, Long> e = oldest.next();
            dropped += e.getValue();
            ghostLastUse.remove(e.getKey());
            oldest.remove();
        }
        return dropped;
    }
}
