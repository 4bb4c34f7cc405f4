package org.tsperf.api.proxy;

import java.util.concurrent.CompletableFuture;

/** Proxy generation, as far as the workbench's other modules need it. Provided by the proxy module. */
public interface ProxyService {

    /** How many of the proxies the known media need exist now. Cheap; may be called from any thread. */
    ProxyCounts counts();

    /**
     * Queues every missing proxy of the known media (the monitor's "Generate Proxies" button).
     *
     * @return completes with a summary for the user once the jobs are queued
     */
    CompletableFuture<String> generateMissing();
}
