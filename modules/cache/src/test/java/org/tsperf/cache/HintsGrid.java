package org.tsperf.cache;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tsperf.api.cache.ReplayPolicy;
import org.tsperf.api.cache.TraceEvent;

/**
 * The hit rate with and without playback hints over three seed sets and four capacities (docs/benchmarks.md): one
 * line a cell, {@code with / without} below 1 marked. Argument: the traces' scale (default 1).
 */
public final class HintsGrid {

    private HintsGrid() {
    }

    public static void main(String[] args) {
        TraceReplayer replay = new TraceReplayer();
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        for (long seeds : new long[] {0, 100, 200}) {
            for (int frames : new int[] {64, 160, 258, 400}) {
                long capacity = frames * (EditingTraces.FRAME + L1Policy.ENTRY_OVERHEAD);
                for (Map.Entry<String, List<TraceEvent>> e : EditingTraces.all(scale, seeds).entrySet()) {
                    double lru = replay.replay(e.getValue(), capacity, ReplayPolicy.LRU).hitRate();
                    double min = replay.replay(e.getValue(), capacity, ReplayPolicy.MIN).hitRate();
                    double without = replay.replay(e.getValue(), capacity, ReplayPolicy.DEFAULT).hitRate();
                    double with = replay.replay(e.getValue(), capacity, ReplayPolicy.HINTED).hitRate();
                    System.out.printf(Locale.ROOT, "seeds %3d %3d frames %-10s LRU %.4f MIN %.4f without %.4f with"
                            + " %.4f with/MIN %.3f without/MIN %.3f with/without %.3f%s%n", seeds, frames, e.getKey(),
                            lru, min, without, with, with / min, without / min, with / without,
                            with < without ? " below" : "");
                }
            }
        }
    }
}
