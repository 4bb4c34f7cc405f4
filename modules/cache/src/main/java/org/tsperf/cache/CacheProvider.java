package org.tsperf.cache;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.openide.util.lookup.ServiceProviders;
import org.tsperf.api.cache.CacheConfig;
import org.tsperf.api.cache.CacheConfiguration;
import org.tsperf.api.cache.CacheEntryInfo;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.cache.CacheStatistics;
import org.tsperf.api.cache.EntryType;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.cache.PlaybackHint;
import org.tsperf.api.cache.TypeStatistics;
import org.tsperf.api.cache.ValueProducer;
import org.tsperf.api.memory.MemoryListener;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.PressureLevel;

/**
 * The cache service in the global Lookup. Opens the levels on first use, with the locations and budgets of
 * {@link CacheSettings} and the L1 budget of the {@link MemoryManager} when one is installed (following its
 * changes). Closed when the module is disabled, the application exits ({@link CacheLifecycle}) or the JVM ends, so
 * that last-use times reach the disk index and the stores' file locks are released.
 */
@ServiceProviders({
    @ServiceProvider(service = CacheService.class),
    @ServiceProvider(service = MultiLevelCache.class)})
public final class CacheProvider implements MultiLevelCache {

    private static final Logger LOG = Logger.getLogger(CacheProvider.class.getName());

    /** Written under this object's lock; read without it by {@link #hint}, which must never wait for an opening. */
    private volatile TieredCache cache;
    private RuntimeException openFailure;
    private boolean hookAdded;
    /** Whether L1's budget was set by the user (Options or a start option) rather than by the memory manager. */
    private volatile boolean l1Fixed;

    /**
     * Closes the levels (commits the disk indexes, releases their file locks); the next use opens them again.
     * Called when the module is disabled or the application exits.
     */
    public synchronized void close() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
        openFailure = null;
    }

    /**
     * Applies the L1 budget of Tools &gt; Options to the open cache (shrinking evicts and spills at once);
     * {@link CacheConfig#L1_FOLLOWS_MEMORY_PROFILE} hands it back to the memory manager. A start option wins.
     */
    synchronized void setL1Budget(long bytes) {
        if (System.getProperty("tsperf.cache.l1.budget") != null) {
            return;
        }
        l1Fixed = bytes != CacheConfig.L1_FOLLOWS_MEMORY_PROFILE;
        TieredCache open = cache;
        if (open == null) {
            return; // the next opening reads the stored budget
        }
        MemoryManager memory = Lookup.getDefault().lookup(MemoryManager.class);
        long budget = l1Fixed ? bytes : memory != null ? memory.cacheBudgetBytes() : CacheSettings.DEFAULT_L1;
        open.setL1Budget(budget);
    }

    private synchronized TieredCache cache() {
        if (cache == null) {
            if (openFailure != null) {
                throw openFailure;
            }
            MemoryManager memory = Lookup.getDefault().lookup(MemoryManager.class);
            CacheConfiguration configuration = Lookup.getDefault().lookup(CacheConfiguration.class);
            CacheConfig stored = configuration == null ? CacheSettings.defaults() : configuration.config();
            CacheSettings settings = CacheSettings.resolve(stored, memory == null ? 0 : memory.cacheBudgetBytes());
            l1Fixed = settings.isL1Explicit() || stored.l1BudgetBytes() != CacheConfig.L1_FOLLOWS_MEMORY_PROFILE;
            try {
                TieredCache opened = new TieredCache(settings);
                if (memory != null) {
                    memory.addListener(new MemoryListener() {
                        @Override
                        public void pressureChanged(PressureLevel level) {
                            // the budget change that follows pressure is what the cache acts on
                        }

                        @Override
                        public void cacheBudgetChanged(long bytes) {
                            if (!l1Fixed) { // a budget the user set stays, whatever the memory manager does
                                opened.setL1Budget(bytes);
                            }
                        }
                    });
                }
                if (!hookAdded) {
                    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "tsperf-cache-close"));
                    hookAdded = true;
                }
                cache = opened;
            } catch (IOException e) {
                openFailure = new IllegalStateException(e.getMessage(), e);
                LOG.log(Level.WARNING, "the disk cache cannot be opened", e);
                throw openFailure;
            }
        }
        return cache;
    }

    @Override
    public CacheStatistics statistics() {
        return cache().statistics();
    }

    @Override
    public CompletableFuture<String> clear() {
        return cache().clear();
    }

    @Override
    public Optional<byte[]> get(CacheKey key) {
        return cache().get(key);
    }

    @Override
    public boolean contains(CacheKey key) {
        return cache().contains(key);
    }

    /** 0 while the levels are not open; each opening starts a new count, so a reopened cache reads as changed. */
    @Override
    public long modifications() {
        TieredCache open = cache;
        return open == null ? 0 : open.modifications();
    }

    @Override
    public byte[] get(CacheKey key, ValueProducer producer) throws Exception {
        return cache().get(key, producer);
    }

    @Override
    public void put(CacheKey key, byte[] value) {
        cache().put(key, value);
    }

    @Override
    public boolean invalidate(CacheKey key) {
        return cache().invalidate(key);
    }

    @Override
    public CompletableFuture<String> clear(CacheLevel level) {
        return cache().clear(level);
    }

    @Override
    public CompletableFuture<String> clear(EntryType type) {
        return cache().clear(type);
    }

    @Override
    public CompletableFuture<Integer> prefetch(List<CacheKey> keys, ValueProducer producer) {
        return cache().prefetch(keys, producer);
    }

    /** Does not open the levels (before the first get or put there is nothing to keep) and takes no lock. */
    @Override
    public void hint(PlaybackHint hint) {
        TieredCache open = cache;
        if (open != null) {
            open.hint(hint);
        }
    }

    @Override
    public int removeOlderThan(Duration age) {
        return cache().removeOlderThan(age);
    }

    @Override
    public List<LevelStatistics> levels() {
        return cache().levels();
    }

    @Override
    public List<TypeStatistics> byType() {
        return cache().byType();
    }

    @Override
    public List<CacheEntryInfo> entries(int limit) {
        return cache().entries(limit);
    }
}
