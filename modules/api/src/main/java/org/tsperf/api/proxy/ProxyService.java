package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Making proxies and finding them: the two ways of generating ({@link #generateNow} for a user who waits,
 * {@link #generateInBackground} for work that waits for a calm machine), the proxy playback reads, and the counts the
 * monitor shows. Provided by the proxy module. The Proxy Manager's list is {@link ProxyMediaList}; saving the
 * configuration is {@link ProxyConfiguration}. All methods are thread-safe; none blocks for long except where said.
 */
public interface ProxyService {

    /**
     * How many of the proxies the known media need exist now. Cheap once the store's index is open (an in-memory
     * snapshot), from any thread; the first call for a store opens its index (MapDB), so not from the event thread.
     */
    ProxyCounts counts();

    /**
     * Queues every missing proxy of the known media in the background (the monitor's "Generate Proxies" button).
     *
     * @return completes with a summary for the user once the jobs are queued
     */
    CompletableFuture<String> generateMissing();

    /**
     * Finds or makes the proxies of one source, in the background: up-to-date proxies (found by content, so also after
     * a rename or move) complete at once; otherwise a background task of the task system makes them, at normal
     * priority and claiming a share of the machine, so it waits (up to the task system's longest deferral) while the
     * machine is busy. A source that cannot be read completes at once as failed. Reads up to 2 MiB of the source to
     * fingerprint it: not on the event thread.
     */
    ProxyJob generateInBackground(Path source, ProxySettings settings);

    /**
     * As {@link #generateInBackground}, for a user who waits for the result (the command line, the Proxy Manager's
     * Generate): the task runs at high priority as soon as a proxy worker is free, and a job of the same source and
     * plan that waits in the background is started now instead of queued twice.
     */
    ProxyJob generateNow(Path source, ProxySettings settings);

    /** Cancels the queued or running proxy job of a source; false when it has none. */
    boolean cancel(Path source, String reason);

    /**
     * The proxy playback should read for a source shown {@code viewWidth} pixels wide: the smallest ready proxy at
     * least that wide (else the largest), or empty when "Use proxies" is off or the source has none. Marks it used
     * (so cleanup deletes it last). Reads the store index; not on the event thread.
     */
    Optional<ProxyFile> proxyForPlayback(Path source, int viewWidth);

    /**
     * As {@link #proxyForPlayback}, in a given store and whatever "Use proxies" says (the command line's
     * {@code --store}): the smallest ready proxy at least {@code viewWidth} wide, else the largest, else empty. Marks
     * it used. Reads the store index; not on the event thread.
     */
    Optional<ProxyFile> readyProxy(Path store, Path source, int viewWidth);

    /**
     * The configuration in use (Tools &gt; Options &gt; Performance &gt; Proxies; defaults where the user set nothing), as
     * {@link ProxyConfiguration#config()} reads it.
     */
    ProxyConfig config();
}
