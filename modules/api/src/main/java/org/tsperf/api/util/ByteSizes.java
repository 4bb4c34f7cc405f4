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
}
