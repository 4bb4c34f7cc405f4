package org.tsperf.tasks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openide.util.lookup.Lookups;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskBenchmark;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskType;

/**
 * Scheduling overhead of the task system against a plain {@link ThreadPoolExecutor} with the same number of
 * threads, measured in one run: throughput of trivial tasks, submit-to-start latency, and the journal's cost.
 */
@ServiceProvider(service = TaskBenchmark.class)
public final class SchedulerBenchmark implements TaskBenchmark {

    private static final int LATENCY_SAMPLES = 2000;

    @Override
    public List<Measurement> run(int trivialTasks, int journalTasks) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Measurement> out = new ArrayList<>();
        // warm both up so that neither pays for class loading and JIT in its measured run
        throughputScheduler(Math.min(20_000, trivialTasks), threads, null);
        throughputPool(Math.min(20_000, trivialTasks), threads);
        double scheduler = throughputScheduler(trivialTasks, threads, null);
        double pool = throughputPool(trivialTasks, threads);
        out.add(new Measurement("throughput of " + trivialTasks + " trivial tasks, " + threads + " workers",
                scheduler, pool, "tasks/s", "ThreadPoolExecutor", true));
        double[] latency = latencyScheduler();
        double[] poolLatency = latencyPool();
        out.add(new Measurement("submit to start, median", latency[0], poolLatency[0], "µs", "ThreadPoolExecutor", false));
        out.add(new Measurement("submit to start, 99th percentile", latency[1], poolLatency[1], "µs",
                "ThreadPoolExecutor", false));
        Path dir = Files.createTempDirectory("tsperf-journal-bench");
        try {
            double plain = 1e6 / throughputScheduler(journalTasks, threads, null);
            double journalled = 1e6 / throughputScheduler(journalTasks, threads, dir.resolve("journal.db"));
            out.add(new Measurement("cost per task with the MapDB journal (" + journalTasks + " tasks)", journalled,
                    plain, "µs/task", "same scheduler without journal", false));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return out;
    }

    private static TaskScheduler scheduler(int threads, Path journal, TaskHandler handler) {
        return new TaskScheduler(Lookups.fixed(handler), journal, TaskScheduler.Config.defaults().withWorkers(threads));
    }

    private static TaskSpec trivial(String kind) {
        return TaskSpec.of(kind, "no-op", TaskType.THUMBNAIL, TaskPriority.NORMAL, ResourceEstimate.TRIVIAL);
    }

    /** Tasks per second from the first submit to the last completion. */
    private static double throughputScheduler(int n, int threads, Path journal) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(n);
        TaskScheduler s = scheduler(threads, journal, KindHandler.of("bench.noop", (spec, ctx) -> done.countDown()));
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                s.submit(trivial("bench.noop"));
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("benchmark tasks did not finish in 10 minutes");
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            s.close();
        }
    }

    private static double throughputPool(int n, int threads) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(n);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                pool.execute(done::countDown);
            }
            done.await(10, TimeUnit.MINUTES);
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Median and 99th percentile in µs of submit to start, one task at a time on an idle system. */
    private static double[] latencyScheduler() throws Exception {
        AtomicLong startedAt = new AtomicLong();
        TaskScheduler s = scheduler(1, null, KindHandler.of("bench.latency", (spec, ctx) -> startedAt.set(System.nanoTime())));
        try {
            long[] samples = new long[LATENCY_SAMPLES];
            for (int i = 0; i < samples.length; i++) {
                long t0 = System.nanoTime();
                s.completion(s.submit(trivial("bench.latency"))).get(10, TimeUnit.SECONDS);
                samples[i] = startedAt.get() - t0;
            }
            return percentiles(samples);
        } finally {
            s.close();
        }
    }

    private static double[] latencyPool() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        try {
            long[] samples = new long[LATENCY_SAMPLES];
            for (int i = 0; i < samples.length; i++) {
                AtomicLong startedAt = new AtomicLong();
                long t0 = System.nanoTime();
                pool.submit(() -> startedAt.set(System.nanoTime())).get(10, TimeUnit.SECONDS);
                samples[i] = startedAt.get() - t0;
            }
            return percentiles(samples);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3};
    }
}
