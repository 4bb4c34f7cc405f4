package org.tsperf.cli;

import java.util.Arrays;
import java.util.Random;
import org.tsperf.api.playback.Player;

/**
 * Seeks as an editor scrubs around a cut, two short hops (1-10 frames either way) for each long jump, each timed
 * from the request to its picture presented; the same pattern for {@code tsperf play --scrub} and
 * {@code tsperf bench play}.
 */
final class SeekLatency {

    /** p50, p99 and max, milliseconds. */
    record Figures(double p50, double p99, double max) {
    }

    /** A seek whose picture never came. */
    static final class NotShown extends Exception {
        private static final long serialVersionUID = 1L;
        final long target;

        NotShown(long target) {
            super("frame " + target + " not shown within 30 s");
            this.target = target;
        }
    }

    private SeekLatency() {
    }

    /**
     * Runs {@code warmUp + seeks} seeks on an open player and returns the figures of the last {@code seeks}.
     *
     * @throws NotShown when a picture does not come within 30 s
     */
    static Figures measure(Player player, PlayerWatcher watcher, long frameCount, int seeks, int warmUp, long seed)
            throws InterruptedException, NotShown {
        Random random = new Random(seed);
        long position = 0;
        double[] ms = new double[warmUp + seeks];
        for (int i = 0; i < ms.length; i++) {
            long target = next(random, i, position, frameCount);
            long t0 = System.nanoTime();
            watcher.expect(target);
            player.scrub(target);
            if (!watcher.awaitShown(30)) {
                throw new NotShown(target);
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
            position = target;
        }
        double[] counted = Arrays.copyOfRange(ms, warmUp, ms.length);
        Arrays.sort(counted);
        return new Figures(counted[(int) Math.floor(0.5 * (counted.length - 1))],
                counted[(int) Math.ceil(0.99 * (counted.length - 1))], counted[counted.length - 1]);
    }

    /** Every third seek a jump anywhere; the others a hop of 1-10 frames, never onto the frame shown. */
    static long next(Random random, int i, long position, long count) {
        if (i % 3 == 2 || count < 20) {
            return random.nextLong(count);
        }
        long hop = 1 + random.nextInt(10);
        long target = Math.max(0, Math.min(count - 1, position + (random.nextBoolean() ? hop : -hop)));
        if (target == position) {
            target = position == 0 ? Math.min(count - 1, 1) : position - 1;
        }
        return target;
    }
}
