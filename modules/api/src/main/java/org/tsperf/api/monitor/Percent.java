package org.tsperf.api.monitor;

/** Percentage helpers shared by the records of this package. */
final class Percent {

    private Percent() {
    }

    /** Clamps to 0..100; NaN (no measurement yet) becomes 0. */
    static double clamp(double percent) {
        if (Double.isNaN(percent) || percent < 0) {
            return 0;
        }
        return Math.min(100, percent);
    }

    static double of(long part, long whole) {
        return whole <= 0 ? 0 : clamp(100.0 * part / whole);
    }
}
