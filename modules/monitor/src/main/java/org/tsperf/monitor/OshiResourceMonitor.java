package org.tsperf.monitor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.monitor.ResourceListener;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;

/**
 * The {@link ResourceMonitor} of the application: one daemon thread samples at 1 Hz through {@link OshiSampler}
 * and keeps ten minutes of snapshots.
 */
@ServiceProvider(service = ResourceMonitor.class)
public final class OshiResourceMonitor implements ResourceMonitor {

    private static final Logger LOG = Logger.getLogger(OshiResourceMonitor.class.getName());
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    static final Duration DEFAULT_HISTORY = Duration.ofMinutes(10);

    private final Duration interval;
    private final Duration historyLength;
    private final int historyCapacity;
    private final Supplier<SnapshotSource> sourceFactory;
    private SnapshotSource source;
    private final List<ResourceListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<ResourceSnapshot> history = new ArrayDeque<>();
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> sampling;

    /** Used by Lookup. */
    public OshiResourceMonitor() {
        this(DEFAULT_INTERVAL, DEFAULT_HISTORY, () -> new OshiSampler(Lookup.getDefault()));
    }

    /** @param sourceFactory called on the first start: nothing is read from the system before sampling is wanted */
    OshiResourceMonitor(Duration interval, Duration historyLength, Supplier<SnapshotSource> sourceFactory) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.interval = interval;
        this.historyLength = historyLength;
        this.historyCapacity = (int) Math.max(1, historyLength.toMillis() / interval.toMillis());
        this.sourceFactory = sourceFactory;
    }

    /** The application's monitor, found through Lookup. */
    public static ResourceMonitor getDefault() {
        ResourceMonitor monitor = Lookup.getDefault().lookup(ResourceMonitor.class);
        if (monitor == null) {
            throw new IllegalStateException("No ResourceMonitor in Lookup: is the Performance Monitor module enabled?");
        }
        return monitor;
    }

    @Override
    public Duration samplingInterval() {
        return interval;
    }

    @Override
    public Duration historyLength() {
        return historyLength;
    }

    @Override
    public synchronized void start() {
        if (sampling != null) {
            return;
        }
        if (source == null) {
            source = sourceFactory.get();
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tsperf-resource-monitor");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        // the first sample one interval from now: rates (CPU load, disk throughput) need a time span
        sampling = executor.scheduleAtFixedRate(this::sampleOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.fine("resource sampling started");
    }

    @Override
    public void stop() {
        ScheduledExecutorService toStop;
        synchronized (this) {
            if (sampling == null) {
                return;
            }
            sampling.cancel(false);
            sampling = null;
            toStop = executor;
            executor = null;
        }
        toStop.shutdownNow();
        try {
            // a sample in progress finishes (OSHI reads are not interruptible), then no listener is called again
            if (!toStop.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("resource sampler did not stop within 5 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        LOG.fine("resource sampling stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return sampling != null;
    }

    @Override
    public synchronized Optional<ResourceSnapshot> latest() {
        return Optional.ofNullable(history.peekLast());
    }

    @Override
    public synchronized List<ResourceSnapshot> history() {
        return List.copyOf(history);
    }

    @Override
    public void addListener(ResourceListener listener) {
        listeners.add(listener);
        start();
    }

    @Override
    public void removeListener(ResourceListener listener) {
        listeners.remove(listener);
    }

    private void sampleOnce() {
        ResourceSnapshot snapshot;
        try {
            // only the sampler thread touches source after start()
            snapshot = source.sample();
        } catch (RuntimeException ex) {
            // one failed reading must not end the schedule (an exception would cancel it silently)
            LOG.log(Level.WARNING, "resource sample failed; the next one is tried in " + interval.toSeconds() + " s", ex);
            return;
        }
        synchronized (this) {
            if (sampling == null) {
                return;
            }
            history.addLast(snapshot);
            while (history.size() > historyCapacity) {
                history.removeFirst();
            }
        }
        for (ResourceListener listener : listeners) {
            try {
                listener.sampled(snapshot);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "resource listener " + listener + " failed", ex);
            }
        }
    }

    /** Produces one snapshot; the OSHI sampler in the application, a scripted one in tests. */
    interface SnapshotSource {

        ResourceSnapshot sample();
    }
}
