package org.tsperf.cache;

import java.util.LinkedHashMap;

/**
 * The keys of L1 that a playback hint protects now (frames about to be shown), which the policy passes over when it
 * chooses a victim; with their weights, in the order they were protected, at most a budget of bytes. Not thread-safe
 * (the owner's lock guards it).
 */
final class ProtectedKeys<K> {

    private final LinkedHashMap<K, Long> keys = new LinkedHashMap<>();
    private long bytes;
    private long budget;

    ProtectedKeys(long budget) {
        this.budget = budget;
    }

    boolean contains(K key) {
        return keys.containsKey(key);
    }

    /** Whether {@code weight} more bytes fit the budget. */
    boolean hasRoomFor(long weight) {
        return bytes + weight <= budget;
    }

    void add(K key, long weight) {
        if (keys.put(key, weight) != null) {
            throw new IllegalStateException("already protected: " + key);
        }
        bytes += weight;
    }

    /** Takes a key out; its weight, or -1 when it was not protected. */
    long remove(K key) {
        Long w = keys.remove(key);
        if (w == null) {
            return -1;
        }
        bytes -= w;
        return w;
    }

    /** The key protected longest ago, or null when none; for making room when the budget shrinks. */
    K oldest() {
        return keys.isEmpty() ? null : keys.keySet().iterator().next();
    }

    long bytes() {
        return bytes;
    }

    long budget() {
        return budget;
    }

    boolean overBudget() {
        return bytes > budget;
    }

    void setBudget(long bytes) {
        budget = bytes;
    }

    int size() {
        return keys.size();
    }
}
