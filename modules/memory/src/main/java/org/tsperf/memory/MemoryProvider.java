package org.tsperf.memory;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.memory.AllocationRequest;
import org.tsperf.api.memory.BufferHandle;
import org.tsperf.api.memory.MemoryListener;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.memory.MemoryStatistics;
import org.tsperf.api.memory.PressureLevel;

/**
 * The memory manager in the global Lookup. The profile is {@code -Dtsperf.memory.profile} ("8" or "8 GB machine"),
 * else the one chosen in Tools &gt; Options ({@link StoredMemoryConfiguration}), else the one for this machine's
 * physical memory (OSHI). Pressure is sampled once a second on a daemon thread,
 * started on first use and stopped by {@link #close()} ({@link MemoryLifecycle}: the module disabled, the application
 * closing); a later use starts afresh.
 */
@ServiceProvider(service = MemoryManager.class)
public final class MemoryProvider implements MemoryManager {

    private static final Logger LOG = Logger.getLogger(MemoryProvider.class.getName());

    private PooledMemoryManager manager;
    private ScheduledExecutorService timer;

    private synchronized PooledMemoryManager manager() {
        if (manager == null) {
            SystemMemory system = new OshiSystemMemory();
            MemoryProfile profile = StoredMemoryConfiguration.profileToUse(system.totalBytes());
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tsperf-memory-pressure");
                t.setDaemon(true);
                return t;
            });
            PooledMemoryManager m = new PooledMemoryManager(profile, system, System::nanoTime, timer);
            timer.scheduleWithFixedDelay(() -> {
                try {
                    m.sample();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "memory pressure sampling failed", e);
                }
            }, 0, 1, TimeUnit.SECONDS);
            manager = m;
        }
        return manager;
    }

    /** Stops the pressure thread and drops the pools' bookkeeping; buffers handed out stay valid with their owners. */
    synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        manager = null;
    }

    /** Whether the pressure thread runs now. */
    synchronized boolean sampling() {
        return timer != null && !timer.isShutdown();
    }

    @Override
    public Optional<BufferHandle> allocate(AllocationRequest request) throws InterruptedException {
        return manager().allocate(request);
    }

    @Override
    public PressureLevel pressure() {
        return manager().pressure();
    }

    @Override
    public MemoryProfile profile() {
        return manager().profile();
    }

    @Override
    public long cacheBudgetBytes() {
        return manager().cacheBudgetBytes();
    }

    @Override
    public MemoryStatistics statistics() {
        return manager().statistics();
    }

    @Override
    public long freeUnused() {
        return manager().freeUnused();
    }

    @Override
    public void addListener(MemoryListener listener) {
        manager().addListener(listener);
    }

    @Override
    public void removeListener(MemoryListener listener) {
        manager().removeListener(listener);
    }
}
