package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Proxy generation. Provided by the proxy module. All methods are thread-safe; none blocks for long except where
 * said.
 */
public interface ProxyService {

    /** How many of the proxies the known media need exist now. Cheap; may be called from any thread. */
    ProxyCounts counts();

    /**
     * Queues every missing proxy of the known media (the monitor's "Generate Proxies" button).
     *
     * @return completes with a summary for the user once the jobs are queued
     */
    CompletableFuture<String> generateMissing();

    /**
     * The settings the workbench uses (Tools &gt; Options), with the default store. (A default method so that
     * providers that only count proxies, such as test doubles, stay valid; the proxy module implements it.)
     */
    default ProxySettings settings() {
        throw new UnsupportedOperationException(getClass().getName() + " has no proxy settings");
    }

    /**
     * Finds or makes the proxies of one source. Up-to-date proxies (found by content, so also after a rename or
     * move) complete at once; otherwise a background task of the task system makes them. A source that cannot be
     * read completes at once as failed. Reads up to 2 MiB of the source to fingerprint it: not on the event thread.
     */
    default ProxyJob generate(Path source, ProxySettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot generate proxies");
    }

    /**
     * As {@link #generate}, for a user who waits for the result (the command line): the task starts as soon as a
     * proxy worker is free, instead of waiting (up to the task system's longest deferral) for a busy machine to
     * calm down, as background proxies do.
     */
    default ProxyJob generateNow(Path source, ProxySettings settings) {
        return generate(source, settings);
    }
}
