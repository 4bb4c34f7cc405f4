package org.tsperf.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** {@code --time} values: seconds ("12.5") or clock time ("HH:MM:SS.mmm", "MM:SS.mmm"), to microseconds. */
final class FrameTime {

    private FrameTime() {
    }

    /** @throws IllegalArgumentException saying what a time looks like */
    static long parseMicros(String text) {
        String[] parts = text.trim().split(":", -1);
        try {
            if (parts.length > 3) {
                throw new NumberFormatException();
            }
            BigDecimal seconds = new BigDecimal(parts[parts.length - 1]);
            long minutes = parts.length >= 2 ? Long.parseLong(parts[parts.length - 2]) : 0;
            long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
            boolean clock = parts.length > 1;
            if (seconds.signum() < 0 || minutes < 0 || hours < 0 || (clock && (seconds.compareTo(BigDecimal.valueOf(60))
                    >= 0 || (parts.length == 3 && minutes >= 60)))) {
                throw new NumberFormatException();
            }
            BigDecimal total = seconds.add(BigDecimal.valueOf(minutes * 60 + hours * 3600));
            return total.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new IllegalArgumentException("--time must be seconds (e.g. 12.5) or HH:MM:SS.mmm (e.g."
                    + " 00:01:02.500), not '" + text + "'", ex);
        }
    }
}
