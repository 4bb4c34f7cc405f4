package org.tsperf.api.timeline;

/**
 * A piece of an export rendered on its own: timeline frames {@code [in, out)}, the {@code index}-th of its export.
 * Every segment's file starts with a keyframe, so the segments join without re-encoding.
 */
public record ExportSegment(int index, long in, long out) {

    public ExportSegment {
        if (index < 0 || in < 0 || out <= in) {
            throw new IllegalArgumentException("segment " + index + " has no frames: " + in + "-" + out);
        }
    }

    public long frames() {
        return out - in;
    }
}
