package org.tsperf.api.optimize;

import java.util.concurrent.CompletableFuture;

/** Applies the recommended optimisations for this machine and media. Provided by the optimization module. */
public interface Optimizer {

    /**
     * Starts the optimisation in the background (the monitor's "Optimize Now" button).
     *
     * @return completes with a summary of what was changed, for the user
     */
    CompletableFuture<String> optimizeNow();
}
