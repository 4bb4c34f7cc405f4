package org.tsperf.api.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Samples the machine and this process (CPU, memory, GPU, disks) at a fixed rate, off the event thread, and
 * publishes each sample as an immutable {@link ResourceSnapshot}.
 *
 * <p>Found through {@code Lookup.getDefault().lookup(ResourceMonitor.class)}. All methods are thread-safe.
 * Listeners are called on the sampler's thread: a Swing view must hand the snapshot to the event thread itself.
 */
public interface ResourceMonitor {

    /** Time between two samples. */
    Duration samplingInterval();

    /** How far back {@link #history()} reaches; older snapshots are dropped. */
    Duration historyLength();

    /** Starts sampling if it is not running. Idempotent. */
    void start();

    /** Stops sampling and releases the sampler thread. Idempotent; {@link #start()} may be called again. */
    void stop();

    boolean isRunning();

    /** The newest snapshot, or empty before the first sample. */
    Optional<ResourceSnapshot> latest();

    /** The retained snapshots, oldest first, as an immutable copy. */
    List<ResourceSnapshot> history();

    /** Adds a listener and starts sampling if needed. The listener may be called from any thread. */
    void addListener(ResourceListener listener);

    void removeListener(ResourceListener listener);
}
