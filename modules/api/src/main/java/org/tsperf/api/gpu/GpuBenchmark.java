package org.tsperf.api.gpu;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Runs the GPU benchmark (the monitor's "GPU Benchmark" button, {@code tsperf gpu bench}). Provided by the GPU module. */
public interface GpuBenchmark {

    /**
     * Starts the benchmark in the background with default settings. Cancelling the future stops it.
     *
     * @return completes with a one-paragraph summary of the results for the user
     */
    CompletableFuture<String> run();

    /**
     * Measures every operation at width x height for about {@code perOperation} on each path. Cancelling the future
     * stops it at the next frame.
     */
    CompletableFuture<BenchmarkReport> measure(int width, int height, Duration perOperation);
}
