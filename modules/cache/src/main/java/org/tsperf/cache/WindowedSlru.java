package org.tsperf.cache;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The L1 policy's bookkeeping, keys and weights only (W-TinyLFU's structure): new entries enter an LRU window; the
 * window's least recently used entry then competes for the main space, a segmented LRU (probation, and protected
 * for entries used again there, 80 % of it). It is admitted only if it was used more often (by {@link AccessCounts})
 * than the main space's coldest entry, so a loop longer than the cache keeps one stable part of itself instead of
 * thrashing. With the window at the whole capacity this is exactly LRU. The bytes held never exceed the capacity
 * after a call returns. Keys the owner says to keep ({@code kept}: frames a playback hint protects) are passed over
 * when a victim is chosen, and a kept key leaving the window is admitted whatever its count; only when nothing else
 * is left does a kept key go. Not thread-safe (the owner's lock guards it).
 */
final class WindowedSlru<K> {

    private final AccessCounts<K> counts;
    private final Consumer<K> evicted;
    private final Predicate<K> kept;
    private final LinkedHashMap<K, Long> window = new LinkedHashMap<>(64, 0.75f, true);
    private final LinkedHashMap<K, Long> probation = new LinkedHashMap<>(64, 0.75f, true);
    private final LinkedHashMap<K, Long> protectedSegment = new LinkedHashMap<>(64, 0.75f, true);
    private long capacity;
    private long windowTarget;
    private long windowBytes;
    private long probationBytes;
    private long protectedBytes;

    /**
     * @param counts the use counts admission compares (shared: they describe the requests, not this cache)
     * @param evicted told of each key that leaves for lack of room
     */
    WindowedSlru(long capacity, long windowTarget, AccessCounts<K> counts, Consumer<K> evicted) {
        this(capacity, windowTarget, counts, evicted, k -> false);
    }

    /** @param kept keys not to evict while others can be (checked at each eviction) */
    WindowedSlru(long capacity, long windowTarget, AccessCounts<K> counts, Consumer<K> evicted, Predicate<K> kept) {
        this.capacity = capacity;
        this.windowTarget = windowTarget;
        this.counts = counts;
        this.evicted = evicted;
        this.kept = kept;
    }

    /** A use: true if the key is held (it becomes the most recent of its segment). */
    boolean hit(K key) {
        if (window.get(key) != null) {
            return true;
        }
        Long w = probation.remove(key);
        if (w != null) {
            probationBytes -= w;
            protectedSegment.put(key, w);
            protectedBytes += w;
            demoteProtected();
            return true;
        }
        return protectedSegment.get(key) != null;
    }

    /** Adds a key that is not held; one heavier than the capacity is not kept (and not reported). */
    void add(K key, long weight) {
        if (weight > capacity) {
            return;
        }
        window.put(key, weight);
        windowBytes += weight;
        balance();
    }

    boolean contains(K key) {
        return window.containsKey(key) || probation.containsKey(key) || protectedSegment.containsKey(key);
    }

    /** Takes a key out (not an eviction); its weight, or -1 when it was not held. */
    long remove(K key) {
        Long w = window.remove(key);
        if (w != null) {
            windowBytes -= w;
            return w;
        }
        w = probation.remove(key);
        if (w != null) {
            probationBytes -= w;
            return w;
        }
        w = protectedSegment.remove(key);
        if (w != null) {
            protectedBytes -= w;
            return w;
        }
        return -1;
    }

    long weightedSize() {
        return windowBytes + probationBytes + protectedBytes;
    }

    int size() {
        return window.size() + probation.size() + protectedSegment.size();
    }

    long capacity() {
        return capacity;
    }

    long windowTarget() {
        return windowTarget;
    }

    void setCapacity(long bytes, long newWindowTarget) {
        capacity = bytes;
        windowTarget = Math.max(0, Math.min(capacity, newWindowTarget));
        balance();
    }

    /**
     * Takes the window share, segments and order of {@code model} (a shadow that did better lately) for the keys
     * held here, so that from now on this cache evicts as the model would; keys the model does not hold go first.
     * Nothing leaves: the keys and bytes held stay the same.
     */
    void follow(WindowedSlru<K> model) {
        Map<K, Long> held = new HashMap<>(window);
        held.putAll(probation);
        held.putAll(protectedSegment);
        window.clear();
        probation.clear();
        protectedSegment.clear();
        held.forEach((k, w) -> {
            if (!model.contains(k)) {
                probation.put(k, w);
            }
        });
        model.probation.keySet().forEach(k -> copy(k, held, probation));
        model.protectedSegment.keySet().forEach(k -> copy(k, held, protectedSegment));
        model.window.keySet().forEach(k -> copy(k, held, window));
        windowBytes = sum(window);
        probationBytes = sum(probation);
        protectedBytes = sum(protectedSegment);
        windowTarget = Math.min(capacity, model.windowTarget);
        balance();
    }

    private static <K> void copy(K key, Map<K, Long> from, Map<K, Long> to) {
        Long w = from.get(key);
        if (w != null) {
            to.put(key, w);
        }
    }

    private static long sum(Map<?, Long> segment) {
        long s = 0;
        for (long w : segment.values()) {
            s += w;
        }
        return s;
    }

    /**
     * Moves window overflow to the main space through admission (kept keys stay in the window, over its share), then
     * evicts until everything fits.
     */
    private void balance() {
        Iterator<Map.Entry<K, Long>> lru = window.entrySet().iterator();
        while (windowBytes > windowTarget && lru.hasNext()) {
            Map.Entry<K, Long> e = lru.next();
            if (kept.test(e.getKey())) {
                continue;
            }
            lru.remove();
            windowBytes -= e.getValue();
            admit(e.getKey(), e.getValue());
        }
        // a smaller capacity: main space first, then the window; kept keys last
        while (weightedSize() > capacity) {
            K victim = coldest();
            if (victim == null) {
                victim = firstNotKept(window);
            }
            if (victim == null) {
                victim = !probation.isEmpty() ? probation.keySet().iterator().next()
                        : !protectedSegment.isEmpty() ? protectedSegment.keySet().iterator().next()
                        : window.keySet().iterator().next();
            }
            evict(victim);
        }
    }

    /**
     * A candidate from the window: into probation if there is room or it is used more than each victim (or it is
     * kept).
     */
    private void admit(K candidate, long weight) {
        int frequency = kept.test(candidate) ? Integer.MAX_VALUE : counts.count(candidate);
        while (weightedSize() + weight > capacity) {
            K victim = coldest();
            if (victim == null || counts.count(victim) >= frequency) {
                evicted.accept(candidate);
                return;
            }
            evict(victim);
        }
        probation.put(candidate, weight);
        probationBytes += weight;
    }

    /**
     * The main space's least valuable entry that is not kept: probation's least recent, else protected's; null when
     * there is none.
     */
    private K coldest() {
        K k = firstNotKept(probation);
        return k != null ? k : firstNotKept(protectedSegment);
    }

    /** The least recent key of a segment that is not kept, or null. */
    private K firstNotKept(LinkedHashMap<K, Long> segment) {
        for (K k : segment.keySet()) {
            if (!kept.test(k)) {
                return k;
            }
        }
        return null;
    }

    private void evict(K key) {
        remove(key);
        evicted.accept(key);
    }

    /** Protected holds at most 80 % of the main space; its least recent entries go back to probation. */
    private void demoteProtected() {
        long mainBytes = Math.max(0, capacity - windowTarget);
        Iterator<Map.Entry<K, Long>> lru = protectedSegment.entrySet().iterator();
        while (protectedBytes > mainBytes * 4 / 5 && lru.hasNext()) {
            Map.Entry<K, Long> e = lru.next();
            lru.remove();
            protectedBytes -= e.getValue();
            probation.put(e.getKey(), e.getValue());
            probationBytes += e.getValue();
        }
    }
}
