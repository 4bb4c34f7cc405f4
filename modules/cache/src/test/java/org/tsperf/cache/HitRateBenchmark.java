package org.tsperf.cache;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tsperf.api.cache.ReplayPolicy;
import org.tsperf.api.cache.ReplayResult;
import org.tsperf.api.cache.TraceAccess;

/**
 * Hit rate of the application's L1 policy against plain LRU and Belady's MIN on the editing traces, all in one run.
 * Writes each trace as {@code KEY SIZE} lines into the directory given (for {@code tsperf cache replay}) and prints
 * a Markdown table. Run: see docs/benchmarks.md.
 */
public final class HitRateBenchmark {

    private HitRateBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path traces = Path.of(args.length > 0 ? args[0] : "target/traces");
        long capacity = args.length > 1 ? CacheSettings.parseSize(args[1]) : 2L << 30;
        Files.createDirectories(traces);
        TraceReplayer replay = new TraceReplayer();
        System.out.printf(Locale.ROOT, "capacity %d bytes (%d frames of %d bytes)%n%n", capacity,
                capacity / EditingTraces.FRAME, EditingTraces.FRAME);
        System.out.println("| trace | requests | LRU | MIN | default (LRU window + Caffeine, adaptive) | default / MIN | default / LRU |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<TraceAccess>> e : EditingTraces.all(1).entrySet()) {
            write(traces.resolve(e.getKey() + ".trace"), e.getValue());
            ReplayResult lru = replay.replay(e.getValue(), capacity, ReplayPolicy.LRU);
            ReplayResult min = replay.replay(e.getValue(), capacity, ReplayPolicy.MIN);
            ReplayResult def = replay.replay(e.getValue(), capacity, ReplayPolicy.DEFAULT);
            System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.3f | %s |%n", e.getKey(), def.requests(),
                    lru.hitRate(), min.hitRate(), def.hitRate(), def.hitRate() / min.hitRate(),
                    lru.hits() == 0 ? "LRU 0 hits" : String.format(Locale.ROOT, "%.3f", def.hitRate() / lru.hitRate()));
        }
    }

    private static void write(Path file, List<TraceAccess> trace) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            for (TraceAccess a : trace) {
                w.println(a.key() + " " + a.bytes());
            }
        }
    }
}
