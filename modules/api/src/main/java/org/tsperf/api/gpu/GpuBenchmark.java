package org.tsperf.api.gpu;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the GPU benchmark (the monitor's "GPU Benchmark" button, the GPU Scheduler window's, {@code tsperf gpu bench}).
 * Provided by the GPU module. A finished run of at least 1280x720 also decides the automatic choice of the path frame
 * operations take (the faster path over all operations), so the choice and the benchmark agree; its report's
 * {@link BenchmarkReport#status() status} is the path after that.
 */
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

    /**
     * The report of the newest run that finished in this process, whoever started it (the GPU Scheduler window shows
     * it), or empty. May be called from any thread; never blocks.
     */
    Optional<BenchmarkReport> latest();

    /** Whether a run is in progress now. May be called from any thread; never blocks. */
    boolean running();
}
