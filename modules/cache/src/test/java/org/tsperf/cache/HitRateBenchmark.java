package org.tsperf.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tsperf.api.cache.ReplayPolicy;
import org.tsperf.api.cache.ReplayResult;
import org.tsperf.api.cache.TraceAccess;
import org.tsperf.api.cache.TraceEvent;
import org.tsperf.api.cache.TraceFile;

/**
 * Hit rate of the application's L1 policy against plain LRU, Belady's MIN and the best fixed set on the editing
 * traces, all in one run.
 * Writes each trace (its {@code KEY SIZE} lines and hint lines) into the directory given (for
 * {@code tsperf cache replay}) and prints Markdown tables: the policy without hints, then with the player's hints at
 * the capacity given and at 512 MiB (the 8 GB profile's L1). Run: see docs/benchmarks.md.
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
        System.out.println("| trace | requests | LRU | MIN | best fixed set | online ceiling | default (adaptive W-TinyLFU) | default / MIN | default / LRU | default / online ceiling |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int frames = (int) (capacity / (EditingTraces.FRAME + L1Policy.ENTRY_OVERHEAD));
        for (Map.Entry<String, List<TraceEvent>> e : EditingTraces.all(1).entrySet()) {
            write(traces.resolve(e.getKey() + ".trace"), e.getValue());
            ReplayResult lru = replay.replay(e.getValue(), capacity, ReplayPolicy.LRU);
            ReplayResult min = replay.replay(e.getValue(), capacity, ReplayPolicy.MIN);
            ReplayResult def = replay.replay(e.getValue(), capacity, ReplayPolicy.DEFAULT);
            // known only where the trace's future is drawn independently of its past (jumps)
            double ceiling = e.getKey().equals("jumps") ? JumpsCeiling.jumpsOnlineCeiling(0, frames) : Double.NaN;
            System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %s | %.4f | %.3f | %s | %s |%n", e.getKey(),
                    def.requests(), lru.hitRate(), min.hitRate(), bestFixedSet(EditingTraces.accesses(e.getValue()), capacity),
                    Double.isNaN(ceiling) ? "-" : String.format(Locale.ROOT, "%.4f (%.3fx MIN)", ceiling,
                            ceiling / min.hitRate()), def.hitRate(), def.hitRate() / min.hitRate(),
                    lru.hits() == 0 ? "LRU 0 hits" : String.format(Locale.ROOT, "%.3f", def.hitRate() / lru.hitRate()),
                    Double.isNaN(ceiling) ? "-" : String.format(Locale.ROOT, "%.3f", def.hitRate() / ceiling));
        }
        hintsTable(replay, capacity);
        hintsTable(replay, 512L << 20);
    }

    /** The same traces with the player's hints, against the same policy without them, LRU and MIN. */
    private static void hintsTable(TraceReplayer replay, long capacity) {
        System.out.printf(Locale.ROOT, "%nPlayback hints, capacity %d bytes (%d frames)%n%n", capacity,
                capacity / (EditingTraces.FRAME + L1Policy.ENTRY_OVERHEAD));
        System.out.println("| trace | requests | hints | LRU | MIN | default | default with hints | with / without"
                + " | default / MIN | with hints / MIN |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<TraceEvent>> e : EditingTraces.all(1).entrySet()) {
            ReplayResult lru = replay.replay(e.getValue(), capacity, ReplayPolicy.LRU);
            ReplayResult min = replay.replay(e.getValue(), capacity, ReplayPolicy.MIN);
            ReplayResult def = replay.replay(e.getValue(), capacity, ReplayPolicy.DEFAULT);
            ReplayResult hinted = replay.replay(e.getValue(), capacity, ReplayPolicy.HINTED);
            long hints = e.getValue().size() - def.requests();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %.4f | %.4f | %.3f | %.3f | %.3f |%n",
                    e.getKey(), def.requests(), hints, lru.hitRate(), min.hitRate(), def.hitRate(), hinted.hitRate(),
                    hinted.hitRate() / def.hitRate(), def.hitRate() / min.hitRate(),
                    hinted.hitRate() / min.hitRate());
        }
    }

    /**
     * The hit rate of the best set of entries fixed for the whole trace, chosen knowing every key's count (each held
     * key still misses once): what a policy that knows how often things are used, but not when, can reach.
     * Greedy by count per byte, exact for equal sizes.
     */
    static double bestFixedSet(List<TraceAccess> trace, long capacity) {
        Map<String, long[]> byKey = new HashMap<>(); // count, weight
        for (TraceAccess a : trace) {
            byKey.computeIfAbsent(a.key(), k -> new long[] {0, a.bytes() + L1Policy.ENTRY_OVERHEAD})[0]++;
        }
        List<long[]> all = new ArrayList<>(byKey.values());
        all.sort(Comparator.comparingDouble((long[] c) -> -(double) (c[0] - 1) / c[1]));
        long used = 0;
        long hits = 0;
        for (long[] c : all) {
            if (used + c[1] <= capacity) {
                used += c[1];
                hits += c[0] - 1;
            }
        }
        return hits / (double) trace.size();
    }

    private static void write(Path file, List<TraceEvent> trace) throws IOException {
        try (java.io.Writer w = Files.newBufferedWriter(file)) {
            TraceFile.write(trace, w);
        }
    }
}
