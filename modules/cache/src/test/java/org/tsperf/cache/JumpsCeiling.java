package org.tsperf.cache;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tsperf.api.cache.TraceHint;

/** What no online policy can beat on the jumps trace of {@link EditingTraces}: computed from its distributions. */
final class JumpsCeiling {

    private JumpsCeiling() {
    }

    /**
     * The highest expected hit rate any policy that does not know the future can have on the jumps trace of
     * {@code seeds} with room for {@code frames} frames. Each jump's marker and length are drawn afresh, independent
     * of everything before, so what the next jump will hit depends only on which frames the cache holds when it
     * starts, and a jump reads a frame at most once: its expected hits are the sum, over the frames held, of the
     * chance that it reads each. No cache state does better than the {@code frames} most likely frames (the
     * independent reference model's classic result, at the level of jumps); first uses, which every policy misses,
     * are left out, so this is an upper bound. MIN knows which marker comes next and beats it.
     */
    static double jumpsOnlineCeiling(long seeds, int frames) {
        double hitsPerJump = jumpsMostLikelyFrames(seeds, frames).values().stream().mapToDouble(Double::doubleValue)
                .sum();
        return hitsPerJump / (EditingTraces.JUMP_MIN_FRAMES + (EditingTraces.JUMP_EXTRA_FRAMES - 1) / 2.0);
    }

    /** The {@code frames} keys of the jumps trace most likely to be read by a jump, with that chance. */
    static Map<String, Double> jumpsMostLikelyFrames(long seeds, int frames) {
        Random random = new Random(seeds + 4); // as all() draws the jumps trace: the markers come first
        Map<Integer, Double> chance = new HashMap<>();
        for (int m = 0; m < EditingTraces.JUMP_MARKERS; m++) {
            int marker = random.nextInt(20_000);
            double lo = m / EditingTraces.JUMP_SPREAD;
            double pMarker = m < EditingTraces.JUMP_MARKERS - 1
                    ? 2 * (phi((m + 1) / EditingTraces.JUMP_SPREAD) - phi(lo)) : 2 * (1 - phi(lo));
            for (int k = 0; k < EditingTraces.JUMP_MIN_FRAMES + EditingTraces.JUMP_EXTRA_FRAMES; k++) {
                // frame k of the run is read when the length is at least k + 1; markers may overlap: chances add
                double pLength = k < EditingTraces.JUMP_MIN_FRAMES ? 1
                        : (EditingTraces.JUMP_MIN_FRAMES + EditingTraces.JUMP_EXTRA_FRAMES - k) / (double) EditingTraces.JUMP_EXTRA_FRAMES;
                chance.merge(marker + k, pMarker * pLength, Double::sum);
            }
        }
        Map<String, Double> top = new LinkedHashMap<>();
        chance.entrySet().stream().sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()).limit(frames)
                .forEach(e -> top.put(TraceHint.frameKey(EditingTraces.clip(7), e.getKey()), e.getValue()));
        return top;
    }

    /** The standard normal distribution function (Zelen and Severo's approximation, error below 1e-7). */
    private static double phi(double x) {
        if (x < 0) {
            return 1 - phi(-x);
        }
        double t = 1 / (1 + 0.2316419 * x);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
    }

}
