package org.tsperf.api.util;

import java.util.Locale;

/** Byte counts as people read them, shared by the CLI and the windows so both print the same text. */
public final class ByteSizes {

    private ByteSizes() {
    }

    /**
     * A byte count in KiB below 1 MiB (one decimal), in MiB below 1 GiB (one decimal), else in GiB (two decimals),
     * always with a dot as decimal separator: {@code "0.0 KiB"}, {@code "1.5 MiB"}, {@code "1.50 GiB"}.
     * CLI output and UI tests depend on this exact text.
     */
    public static String format(long bytes) {
        if (bytes < 1 << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }

    /** A size as {@link #parse} reads it back: {@code "8G"}, {@code "512M"}, {@code "64K"}, else plain bytes. */
    public static String setting(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "G";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "M";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "K";
        }
        return Long.toString(bytes);
    }

    /**
     * Parses a size as people and start options write it: {@code 1234} (bytes), {@code 64K}, {@code 512M},
     * {@code 8G}, {@code 1T} (binary units, an optional trailing {@code B} or {@code iB}).
     *
     * @throws IllegalArgumentException when it is no positive size, with the text in the message
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        t = t.trim();
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        long unit = switch (last) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            case 'T' -> 1L << 40;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1).trim();
        try {
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new NumberFormatException("not positive");
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size (e.g. 512M, 8G): " + text, e);
        }
    }
}
