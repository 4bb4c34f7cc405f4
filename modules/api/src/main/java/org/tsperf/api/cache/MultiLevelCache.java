package org.tsperf.api.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The cache by key, level and type. Provided by the cache module together with {@link CacheService} (one
 * instance). Every method may be called from any thread; none blocks on the event thread for long, but get and put
 * of disk levels do file I/O: call them off the event thread.
 */
public interface MultiLevelCache extends CacheService {

    /**
     * The value from the fastest level that has it (promoting it when hit often), or empty: a miss. A value from RAM
     * is the cached array itself: read it, never change it.
     */
    Optional<byte[]> get(CacheKey key);

    /**
     * Whether some level holds the key, without counting a hit or a miss and without making the entry more recent:
     * for code that only looks (a window checking whether thumbnails exist), so that the hit and miss counters count
     * real requests only. Reads no value.
     */
    boolean contains(CacheKey key);

    /**
     * A number that changes whenever the cache changes or is used: an entry added, replaced, removed or evicted, a
     * request counted (hit or miss), a level cleared. A window showing the cache reads its figures again only when
     * this changed since its last look, so an idle cache costs it nothing. Cheap (no lock, no I/O, does not open the
     * disk levels); may be called from any thread.
     */
    long modifications();

    /** The cached value, or the produced one (then cached). */
    byte[] get(CacheKey key, ValueProducer producer) throws Exception;

    /** Stores a value in the level chosen by its size and type. The array is not copied: do not change it later. */
    void put(CacheKey key, byte[] value);

    /** Removes the key from every level; true if some level held it. */
    boolean invalidate(CacheKey key);

    /** Empties one level; completes with a summary for the user. */
    CompletableFuture<String> clear(CacheLevel level);

    /** Removes every entry of one type from every level. */
    CompletableFuture<String> clear(EntryType type);

    /**
     * Read-ahead: produces the keys that no level holds, in order, in the background, into the cache.
     *
     * @return completes with how many were produced; cancel it to stop
     */
    CompletableFuture<Integer> prefetch(List<CacheKey> keys, ValueProducer producer);

    /**
     * Tells the cache what the player knows (playhead, direction, loop, scrub), so that frames about to be shown
     * are kept and frames behind a forward play are evicted first. The latest hint of a clip replaces the one
     * before, except that a play inside the clip's loop keeps the loop. Between hints, the frames of the clip that
     * are fetched on the hinted way move the playhead; a hint whose playhead has not moved for a while (the user
     * works elsewhere) lapses, and {@link PlaybackHint#stop} ends it at once. Cheap (records the hint, no I/O, no
     * wait for the cache's lock): may be called from any thread, on every frame.
     */
    void hint(PlaybackHint hint);

    /** Removes disk entries not used for longer than {@code age}; returns how many. */
    int removeOlderThan(Duration age);

    List<LevelStatistics> levels();

    List<TypeStatistics> byType();

    /** Up to {@code limit} entries of every level, most recently used first. */
    List<CacheEntryInfo> entries(int limit);
}
