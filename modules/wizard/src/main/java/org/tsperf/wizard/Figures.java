package org.tsperf.wizard;

import java.util.Locale;

/** Figures as the recommendations print them: "7.8 GB", "8G" (a setting's value), "1800 MB/s". */
final class Figures {

    static final long GIB = 1L << 30;
    static final long MIB = 1L << 20;

    private Figures() {
    }

    /** For people: gigabytes with one decimal, e.g. "7.8 GB" (binary gigabytes, as memory is sold). */
    static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) GIB);
    }

    /** For a setting: whole gibibytes as "8G", else mebibytes as "512M" (what -Dtsperf.cache.*.budget takes). */
    static String size(long bytes) {
        return bytes % GIB == 0 ? bytes / GIB + "G" : bytes / MIB + "M";
    }

    /** Parses {@link #size}'s form, and plain bytes. */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no size given");
        }
        char last = t.charAt(t.length() - 1);
        long unit = switch (last) {
            case 'K' -> 1L << 10;
            case 'M' -> MIB;
            case 'G' -> GIB;
            case 'T' -> 1L << 40;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits.trim()), unit);
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new IllegalArgumentException("not a size: " + text + " (e.g. 512M, 8G)", ex);
        }
    }

    static String speed(double mbPerSecond) {
        return String.format(Locale.ROOT, "%.0f MB/s", mbPerSecond);
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
