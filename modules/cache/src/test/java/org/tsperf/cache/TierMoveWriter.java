package org.tsperf.cache;

import java.nio.file.Path;
import java.util.EnumSet;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.EntryType;

/**
 * A separate process for {@link TierMoveKillNineTest}: puts entries too large for RAM into a small L2, uses each once
 * (so that L2's evictions move them to L3), and prints {@code committed N} once both levels are committed, until
 * killed. L2 is full after a few entries, so from then on every put moves older entries from L2 to L3.
 */
public final class TierMoveWriter {

    static final int VALUE_BYTES = 200_000;

    private TierMoveWriter() {
    }

    static CacheKey key(int i) {
        return CacheKey.frame("move", i, 640, 360, "none");
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        TieredCache cache = new TieredCache(new CacheSettings(1 << 20, dir.resolve("l2"), 4L << 20,
                dir.resolve("l3"), 256L << 20, EnumSet.noneOf(EntryType.class), 2));
        for (int i = 0; ; i++) {
            cache.put(key(i), DiskStoreTest.value(VALUE_BYTES, i)); // over 1/8 of L1: straight to L2
            if (cache.get(key(i)).isEmpty()) { // used once: worth moving to L3 when L2 evicts it
                throw new IllegalStateException("entry " + i + " not stored");
            }
            if (i % 3 == 2) {
                cache.syncDisks();
                System.out.println("committed " + i);
                System.out.flush();
            }
        }
    }
}
