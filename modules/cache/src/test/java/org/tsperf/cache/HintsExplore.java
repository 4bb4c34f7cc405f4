package org.tsperf.cache;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tsperf.api.cache.ReplayPolicy;
import org.tsperf.api.cache.TraceEvent;

/** Temporary: hit rates with/without hints over seeds and capacities. */
public final class HintsExplore {
    public static void main(String[] args) {
        TraceReplayer r = new TraceReplayer();
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        for (long seeds : new long[] {0, 100, 200}) {
            for (long frames : new long[] {64, 160, 258, 400}) {
                long cap = frames * EditingTraces.FRAME;
                for (Map.Entry<String, List<TraceEvent>> e : EditingTraces.all(scale, seeds).entrySet()) {
                    long t0 = System.nanoTime();
                    double lru = r.replay(e.getValue(), cap, ReplayPolicy.LRU).hitRate();
                    double min = r.replay(e.getValue(), cap, ReplayPolicy.MIN).hitRate();
                    double def = r.replay(e.getValue(), cap, ReplayPolicy.DEFAULT).hitRate();
                    long t1 = System.nanoTime();
                    double hin = r.replay(e.getValue(), cap, ReplayPolicy.HINTED).hitRate();
                    long t2 = System.nanoTime();
                    System.out.printf(Locale.ROOT, "%3d %4d %-10s lru %.4f min %.4f def %.4f hint %.4f  h/min %.3f d/min %.3f h/d %.3f %s  %dms/%dms%n",
                            seeds, frames, e.getKey(), lru, min, def, hin, hin / min, def / min, hin / def,
                            hin < def - 1e-9 ? "WORSE" : "", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
                }
            }
        }
    }
}
