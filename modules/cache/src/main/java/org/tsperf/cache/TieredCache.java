package org.tsperf.cache;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.cache.CacheEntryInfo;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.CacheStatistics;
import org.tsperf.api.cache.EntryType;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.cache.PlaybackHint;
import org.tsperf.api.cache.TypeStatistics;
import org.tsperf.api.cache.ValueProducer;
import org.tsperf.api.util.ByteSizes;

/**
 * L1 in RAM over L2 and L3 on disk. A value goes to the fastest level it fits (at most 1/8 of the level's budget);
 * L1 evictions worth keeping (used again, or an entry type that is costly to produce) spill to L2 in the
 * background, L2 evictions used more than once spill to L3; disk entries used {@code promoteAfterHits} times move
 * up. A get that misses every level is a miss of the cache.
 */
final class TieredCache implements MultiLevelCache, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TieredCache.class.getName());
    /** Spills waiting for L2 at most; beyond it an eviction is dropped rather than held in RAM. */
    private static final int SPILL_QUEUE = 64;
    /** At most this much of RAM's thumbnails, waveforms and previews is written to disk at close (a quick exit). */
    static final long KEPT_AT_CLOSE_BYTES = 64L << 20;

    private final CacheSettings settings;
    private final AdaptiveL1<CacheKey, RamEntry> l1;
    private final DiskStore l2;
    private final DiskStore l3;
    /** Disk levels whose last put found their disk full (warned once until they store again). */
    private final java.util.Set<CacheLevel> fullLevels = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final LevelCounters counters = new LevelCounters();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Changes and uses since open (see {@link #modifications()}); starts high so a reopened cache reads as changed. */
    private final java.util.concurrent.atomic.AtomicLong modifications = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() & Long.MAX_VALUE);
    private final java.util.concurrent.atomic.AtomicLong spillsDropped = new java.util.concurrent.atomic.AtomicLong();
    private final ThreadPoolExecutor spill;
    private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("tsperf-cache-background"));
    private final DirectBuffers ram = new DirectBuffers();

    TieredCache(CacheSettings settings) throws IOException {
        this.settings = settings;
        this.l1 = new AdaptiveL1<>(settings.l1BudgetBytes(), (RamEntry e) -> e.length, this::l1Evicted,
                RamEntry::release);
        this.spill = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(SPILL_QUEUE),
                daemon("tsperf-cache-spill"), (task, pool) -> {
                    // L2 is slower than RAM evictions: drop the spill (the entry is simply not kept) rather than
                    // hold more evicted values in RAM; counted, and logged once per 1000
                    if (task instanceof Spill s) {
                        s.entry.release();
                    }
                    if (spillsDropped.getAndIncrement() % 1000 == 0) {
                        LOG.log(Level.INFO, "L2 cannot keep up with L1 evictions: {0} spills dropped so far",
                                spillsDropped.get());
                    }
                });
        this.l2 = DiskStore.open(settings.l2Dir(), settings.l2BudgetBytes());
        try {
            this.l3 = DiskStore.open(settings.l3Dir(), settings.l3BudgetBytes());
        } catch (IOException | RuntimeException e) {
            l2.close();
            throw e;
        }
        l2.setEvictionListener(new DiskStore.EvictionListener() {
            @Override
            public void evicted(EntryRecord entry, byte[] valueOrNull) {
                l2Evicted(entry, valueOrNull);
            }

            @Override
            public void settled() {
                l3.sync(); // what moved to L3 is committed there before L2 lets it go
            }
        }, r -> r.hits() >= 1);
        l3.setEvictionListener((r, v) -> {
            modifications.incrementAndGet();
            counters.evicted(CacheLevel.L3, r.key().type());
        }, r -> false);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    // ---- L1 evictions and spills -------------------------------------------------------------------------------

    private void l1Evicted(CacheKey key, RamEntry entry) {
        modifications.incrementAndGet();
        counters.evicted(CacheLevel.L1, key.type());
        if (worthSpilling(entry)) {
            spill.execute(new Spill(entry)); // releases the entry's memory once written (or dropped)
        } else {
            entry.release();
        }
    }

    /** An L1 eviction on its way to L2; owns the entry's memory until it has run. */
    private final class Spill implements Runnable {
        final RamEntry entry;

        Spill(RamEntry entry) {
            this.entry = entry;
        }

        @Override
        public void run() {
            try {
                byte[] value = entry.copyOut();
                if (value != null) {
                    putOnDisk(entry.key, value, entry.hits.get());
                }
            } finally {
                entry.release();
            }
        }
    }

    /** Used again since it was stored, or a type that costs more to produce than its size suggests. */
    private static boolean worthSpilling(RamEntry e) {
        return e.hits.get() >= 1 || e.key.type() != EntryType.FRAME;
    }

    private void l2Evicted(EntryRecord r, byte[] value) {
        modifications.incrementAndGet();
        counters.evicted(CacheLevel.L2, r.key().type());
        if (value != null) {
            store(l3, CacheLevel.L3, r.key(), value, r.hits());
        }
    }

    private void putOnDisk(CacheKey key, byte[] value, long hitsSoFar) {
        if (fits(settings.l2BudgetBytes(), value)) {
            store(l2, CacheLevel.L2, key, value, hitsSoFar);
        } else if (fits(settings.l3BudgetBytes(), value)) {
            store(l3, CacheLevel.L3, key, value, hitsSoFar);
        }
    }

    private void store(DiskStore level, CacheLevel name, CacheKey key, byte[] value, long hitsSoFar) {
        try {
            level.put(key, value, settings.compressed().contains(key.type()), hitsSoFar);
            if (fullLevels.remove(name)) {
                LOG.log(Level.INFO, "{0} ({1}) has room again and stores again", new Object[] {name,
                    level.directory()});
            }
        } catch (DiskFull e) {
            if (fullLevels.add(name)) { // said once, not at every frame, until the level stores again
                LOG.log(Level.WARNING, name + ": " + e.getMessage(), e);
            }
        } catch (IOException | RuntimeException e) {
            // a disk level's index failing (MapDB) must not reach the playback thread that put a frame
            LOG.log(Level.WARNING, "cannot store " + key + " in " + name + " (" + level.directory() + ")", e);
        } finally {
            modifications.incrementAndGet();
        }
    }

    private static boolean fits(long budget, byte[] value) {
        return value.length <= budget / 8;
    }

    // ---- get / put ---------------------------------------------------------------------------------------------

    @Override
    public Optional<byte[]> get(CacheKey key) {
        RamEntry e = l1.get(key);
        byte[] inRam = e == null ? null : e.copyOut(); // null when evicted since the lookup
        if (inRam != null) {
            e.touch();
            counters.hit(CacheLevel.L1, key.type());
            hits.increment();
            modifications.incrementAndGet();
            return Optional.of(inRam);
        }
        counters.miss(CacheLevel.L1, key.type());
        Optional<byte[]> v = l2.get(key);
        if (v.isPresent()) {
            counters.hit(CacheLevel.L2, key.type());
            promoteToL1(key, v.get(), l2.hits(key));
        } else {
            counters.miss(CacheLevel.L2, key.type());
            v = l3.get(key);
            if (v.isPresent()) {
                counters.hit(CacheLevel.L3, key.type());
                long used = l3.hits(key);
                byte[] value = v.get();
                if (fits(settings.l2BudgetBytes(), value)) {
                    background.execute(() -> {
                        store(l2, CacheLevel.L2, key, value, used);
                        l3.remove(key);
                        modifications.incrementAndGet();
                    });
                }
                promoteToL1(key, value, used);
            } else {
                counters.miss(CacheLevel.L3, key.type());
            }
        }
        (v.isPresent() ? hits : misses).increment();
        modifications.incrementAndGet();
        return v;
    }

    private void promoteToL1(CacheKey key, byte[] value, long used) {
        if (used >= settings.promoteAfterHits() && fits(l1.capacity(), value)) {
            RamEntry e = RamEntry.of(key, value, used, ram);
            if (e != null) {
                l1.put(key, e);
            }
        }
    }

    @Override
    public byte[] get(CacheKey key, ValueProducer producer) throws Exception {
        Optional<byte[]> cached = get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        byte[] value = producer.produce(key);
        put(key, value);
        return value;
    }

    @Override
    public void put(CacheKey key, byte[] value) {
        if (key.type() == EntryType.PREVIEW) {
            // a rendered preview chunk is seconds of work made to outlive the process (a restart, a kill -9): it
            // goes to disk at once and is committed before put returns; a RAM copy comes later by promotion
            l1.remove(key);
            putOnDisk(key, value, 0);
            syncDisks();
            modifications.incrementAndGet();
            return;
        }
        RamEntry e = fits(l1.capacity(), value) ? RamEntry.of(key, value, 0, ram) : null;
        if (e != null) {
            l1.put(key, e);
            l2.remove(key);
            l3.remove(key);
        } else {
            l1.remove(key);
            putOnDisk(key, value, 0);
        }
        modifications.incrementAndGet();
    }

    @Override
    public boolean invalidate(CacheKey key) {
        boolean inRam = l1.remove(key) != null;
        boolean onL2 = l2.remove(key);
        boolean onL3 = l3.remove(key);
        modifications.incrementAndGet();
        return inRam || onL2 || onL3;
    }

    /** True if any level holds the key; does not count as a use. */
    @Override
    public boolean contains(CacheKey key) {
        return l1.contains(key) || l2.contains(key) || l3.contains(key);
    }

    /** The memory manager's budget for L1; shrinking evicts (and spills) at once. */
    void setL1Budget(long bytes) {
        l1.setCapacity(Math.max(1 << 20, bytes));
        ram.trim(); // a smaller budget under memory pressure: give the kept buffers back too
    }

    // ---- clearing and cleanup ----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<String> clear() {
        return CompletableFuture.supplyAsync(() -> {
            long before = totalBytes();
            int n = clearL1(e -> true) + l2.removeIf(r -> true) + l3.removeIf(r -> true);
            modifications.incrementAndGet();
            return String.format(Locale.ROOT, "Cleared %d entries, %s freed", n,
                    ByteSizes.format(Math.max(0, before - totalBytes())));
        }, background);
    }

    @Override
    public CompletableFuture<String> clear(CacheLevel level) {
        return CompletableFuture.supplyAsync(() -> {
            int n = switch (level) {
                case L1 -> clearL1(e -> true);
                case L2 -> l2.removeIf(r -> true);
                case L3 -> l3.removeIf(r -> true);
            };
            modifications.incrementAndGet();
            return "Cleared " + n + " entries from " + level;
        }, background);
    }

    @Override
    public CompletableFuture<String> clear(EntryType type) {
        return CompletableFuture.supplyAsync(() -> {
            int n = clearL1(e -> e.key.type() == type) + l2.removeIf(r -> r.key().type() == type)
                    + l3.removeIf(r -> r.key().type() == type);
            modifications.incrementAndGet();
            return "Cleared " + n + " " + type.name().toLowerCase(Locale.ROOT) + " entries";
        }, background);
    }

    private int clearL1(Predicate<RamEntry> which) {
        return l1.removeIf(which);
    }

    @Override
    public long modifications() {
        return modifications.get();
    }

    /** Passed to the L1 policy (see {@link AdaptiveL1}): recorded without a lock, applied with the next get or put. */
    @Override
    public void hint(PlaybackHint hint) {
        l1.hint(hint.clip(), hint.mode(), hint.frame(), hint.step(), hint.loopFirst(), hint.loopLast(),
                hint.frameKey());
    }

    @Override
    public int removeOlderThan(Duration age) {
        long limit = System.currentTimeMillis() - age.toMillis();
        int removed = l2.removeIf(r -> r.lastAccessMillis() < limit) + l3.removeIf(r -> r.lastAccessMillis() < limit);
        modifications.incrementAndGet();
        return removed;
    }

    @Override
    public CompletableFuture<Integer> prefetch(List<CacheKey> keys, ValueProducer producer) {
        List<CacheKey> todo = List.copyOf(keys);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        background.execute(() -> {
            int produced = 0;
            try {
                for (CacheKey k : todo) {
                    if (result.isDone()) {
                        return; // cancelled
                    }
                    if (!contains(k)) {
                        put(k, producer.produce(k));
                        produced++;
                    }
                }
                result.complete(produced);
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    // ---- analytics ---------------------------------------------------------------------------------------------

    @Override
    public CacheStatistics statistics() {
        return new CacheStatistics(hits.sum(), misses.sum());
    }

    @Override
    public List<LevelStatistics> levels() {
        return CacheReport.levels(l1, l2, l3, counters);
    }

    @Override
    public List<TypeStatistics> byType() {
        return CacheReport.byType(l1.values(), l2, l3, counters);
    }

    @Override
    public List<CacheEntryInfo> entries(int limit) {
        return CacheReport.entries(l1.values(), l2, l3, limit);
    }

    private long totalBytes() {
        return levels().stream().mapToLong(LevelStatistics::bytes).sum();
    }

    /** L1 evictions that were worth keeping but found the spill queue full, since start. */
    long spillsDropped() {
        return spillsDropped.get();
    }

    /** Commits both disk levels' indexes now (tests: what was put is then durable). */
    void syncDisks() {
        l2.sync();
        l3.sync();
    }

    /** Waits for background spills (tests, shutdown). */
    void drain() throws InterruptedException {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> { }, spill);
        done.orTimeout(30, TimeUnit.SECONDS);
        try {
            done.get();
            CompletableFuture.runAsync(() -> { }, background).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cache background work did not finish", e);
        }
    }

    /**
     * Writes the RAM entries of the types that cost more to make than their size says (thumbnails, waveforms,
     * previews: not frames) to disk, most recently used first, up to {@link #KEPT_AT_CLOSE_BYTES}: a thumbnail strip
     * seen before the workbench closed comes back from L2 after a restart instead of being decoded again.
     *
     * @return how many were written
     */
    int keepCostlyEntries() {
        List<RamEntry> costly = new ArrayList<>();
        for (RamEntry e : l1.values()) {
            if (e.key.type() != EntryType.FRAME) {
                costly.add(e);
            }
        }
        costly.sort(Comparator.comparingLong((RamEntry e) -> e.lastAccessMillis).reversed());
        long bytes = 0;
        int kept = 0;
        for (RamEntry e : costly) {
            if (bytes + e.length > KEPT_AT_CLOSE_BYTES) {
                break;
            }
            byte[] value = e.copyOut();
            if (value != null && !l2.contains(e.key) && !l3.contains(e.key)) {
                putOnDisk(e.key, value, e.hits.get());
                bytes += e.length;
                kept++;
            }
        }
        return kept;
    }

    @Override
    public void close() {
        spill.shutdown();
        background.shutdown();
        try {
            if (!spill.awaitTermination(10, TimeUnit.SECONDS) || !background.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning("cache background work still running at close; pending spills are dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int kept = keepCostlyEntries();
            LOG.log(Level.FINE, "kept {0} thumbnail, waveform and preview entries of RAM on disk", kept);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot keep the cache's thumbnails on disk at close", e);
        }
        clearL1(e -> true); // the entries' direct memory goes back now, not at some later collection
        ram.trim();
        l2.close();
        l3.close();
    }

    /** Direct memory kept for reuse (tests). */
    long freeDirectBytes() {
        return ram.freeBytes();
    }
}
