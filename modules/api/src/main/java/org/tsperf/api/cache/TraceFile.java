package org.tsperf.api.cache;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a replayable trace, one event a line: an access {@code KEY SIZE_IN_BYTES}, or a hint
 * {@code @play CLIP N S}, {@code @loop CLIP A B}, {@code @scrub CLIP N} ({@link TraceHint}). Blank lines and lines
 * starting with {@code #} are skipped; any other {@code @} line is an error naming its line number.
 */
public final class TraceFile {

    private TraceFile() {
    }

    /**
     * Reads the lines of a trace.
     *
     * @param source names the trace in error messages (e.g. its file)
     * @throws IllegalArgumentException naming the line of the first malformed one
     */
    public static List<TraceEvent> parse(Iterable<String> lines, String source) {
        List<TraceEvent> out = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            try {
                out.add(t.startsWith("@") ? hint(parts) : access(parts));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trace " + source + " line " + n + ": " + e.getMessage()
                        + ", got '" + t + "'", e);
            }
        }
        return out;
    }

    private static TraceAccess access(String[] parts) {
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("two fields expected");
            }
            return new TraceAccess(parts[0], Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected 'KEY SIZE_IN_BYTES' with a size of 1 to 2147483647", e);
        }
    }

    private static TraceHint hint(String[] parts) {
        return switch (parts[0]) {
            case "@play" -> TraceHint.play(field(parts, 1, 4), number(parts[2]), Math.toIntExact(number(parts[3])));
            case "@loop" -> TraceHint.loop(field(parts, 1, 4), number(parts[2]), number(parts[3]));
            case "@scrub" -> TraceHint.scrub(field(parts, 1, 3), number(parts[2]));
            default -> throw new IllegalArgumentException("unknown hint " + parts[0]
                    + " (known: @play CLIP N S, @loop CLIP A B, @scrub CLIP N)");
        };
    }

    private static String field(String[] parts, int i, int expected) {
        if (parts.length != expected) {
            throw new IllegalArgumentException(parts[0] + " takes " + (expected - 1) + " fields");
        }
        return parts[i];
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + text, e);
        }
    }

    /** Writes {@code trace} in the form {@link #parse} reads. */
    public static void write(List<? extends TraceEvent> trace, Writer out) throws IOException {
        for (TraceEvent e : trace) {
            out.write(e instanceof TraceAccess a ? a.key() + " " + a.bytes() : ((TraceHint) e).toLine());
            out.write('\n');
        }
    }
}
