package org.tsperf.cli;

import java.util.Arrays;
import java.util.Random;

/**
 * Damaged copies of a media file, as disks, cables, interrupted copies and bad cards make them: flipped bits
 * anywhere or in the first 64 KiB (where most containers keep their headers), a cut at a random point, a range of
 * zeros, a chunk copied over another place. Deterministic: the same bytes, seed and number give the same copy.
 */
final class Mutations {

    /** The kinds, in the order {@link #of} cycles through them. */
    enum Kind { FLIP_ANYWHERE, FLIP_HEADER, CUT, ZEROS, SPLICE }

    /** One damaged copy and what was done to it, in words. */
    record Mutant(Kind kind, byte[] bytes, String description) {
    }

    private static final int HEADER = 64 * 1024;

    private Mutations() {
    }

    /** Copy number {@code n} of {@code original}, damaged by the kind {@code n} selects, from {@code seed}. */
    static Mutant of(byte[] original, long seed, int n) {
        Kind kind = Kind.values()[n % Kind.values().length];
        Random r = new Random(seed * 1_000_003L + n);
        byte[] b = original.clone();
        int len = b.length;
        switch (kind) {
            case FLIP_ANYWHERE, FLIP_HEADER -> {
                int span = kind == Kind.FLIP_HEADER ? Math.min(len, HEADER) : len;
                int flips = 1 + r.nextInt(64);
                for (int i = 0; i < flips; i++) {
                    int at = r.nextInt(span);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return new Mutant(kind, b, flips + " bit(s) flipped" + (kind == Kind.FLIP_HEADER
                        ? " in the first " + (span / 1024) + " KiB" : ""));
            }
            case CUT -> {
                int at = r.nextInt(Math.max(1, len));
                return new Mutant(kind, Arrays.copyOf(b, at), "cut after " + at + " of " + len + " bytes");
            }
            case ZEROS -> {
                int from = r.nextInt(Math.max(1, len));
                int count = Math.min(len - from, 1 + r.nextInt(HEADER));
                Arrays.fill(b, from, from + count, (byte) 0);
                return new Mutant(kind, b, count + " bytes zeroed at " + from);
            }
            default -> {
                int count = Math.min(len / 2, 1 + r.nextInt(HEADER));
                int from = r.nextInt(Math.max(1, len - count));
                int to = r.nextInt(Math.max(1, len - count));
                System.arraycopy(original, from, b, to, count);
                return new Mutant(kind, b, count + " bytes from " + from + " copied over " + to);
            }
        }
    }
}
