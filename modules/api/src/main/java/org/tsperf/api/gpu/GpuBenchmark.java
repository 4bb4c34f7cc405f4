package org.tsperf.api.gpu;

import java.util.concurrent.CompletableFuture;

/** Runs the GPU benchmark (the monitor's "GPU Benchmark" button). Provided by the GPU module. */
public interface GpuBenchmark {

    /**
     * Starts the benchmark in the background. Cancelling the future stops it.
     *
     * @return completes with a one-paragraph summary of the results for the user
     */
    CompletableFuture<String> run();
}
