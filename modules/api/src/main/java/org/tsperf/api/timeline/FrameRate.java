package org.tsperf.api.timeline;

/**
 * A project's frame rate as an exact fraction (30000/1001 for 29.97). Timeline positions, clip lengths and source
 * offsets are counted in frames of this rate.
 *
 * @param numerator   frames per {@code denominator} seconds, 1 to 1,000,000
 * @param denominator 1 to 1,000,000
 */
public record FrameRate(int numerator, int denominator) {

    public FrameRate {
        if (numerator < 1 || denominator < 1 || numerator > 1_000_000 || denominator > 1_000_000) {
            throw new IllegalArgumentException("frame rate must be a positive fraction, not " + numerator + "/"
                    + denominator);
        }
        double fps = (double) numerator / denominator;
        if (fps < 1 || fps > 240) {
            throw new IllegalArgumentException("frame rate must be 1 to 240 frames a second, not " + fps);
        }
    }

    /** Reads "30000/1001", "25/1" or "25". */
    public static FrameRate parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        try {
            return slash < 0 ? new FrameRate(Integer.parseInt(t), 1)
                    : new FrameRate(Integer.parseInt(t.substring(0, slash).trim()),
                            Integer.parseInt(t.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a frame rate (N or N/D): " + text, e);
        }
    }

    public double fps() {
        return (double) numerator / denominator;
    }

    /** The time a frame starts at, in microseconds (rounded down). */
    public long micros(long frame) {
        return Math.floorDiv(frame * 1_000_000L * denominator, numerator);
    }

    /** The frame shown at {@code micros} (the last one that starts at or before it). */
    public long frameAt(long micros) {
        return Math.floorDiv(micros * numerator, 1_000_000L * denominator);
    }

    /** Whole frames in {@code seconds} seconds, at least 1 (the preview chunk length). */
    public int frames(double seconds) {
        return (int) Math.max(1, Math.round(seconds * fps()));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
