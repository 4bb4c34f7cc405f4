package org.tsperf.api.timeline;

import java.util.Objects;

/**
 * @param playbackFps  frames shown per second over the last second, 0 when stopped
 * @param targetFps    the timeline's frame rate
 * @param preview      preview quality in words, e.g. "Half (1920x1080)" or "Proxy Quarter"
 * @param renderSpeed  render speed as a multiple of real time, NaN when nothing renders
 * @param resolution   the played media's size in words ("4K", "8K", "1080p"), empty when nothing is open
 */
public record PlaybackFigures(double playbackFps, double targetFps, String preview, double renderSpeed,
        String resolution) {

    public PlaybackFigures {
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(resolution, "resolution");
    }

    /** "4K", "8K", "1080p"... for a picture of this display size. */
    public static String resolutionName(int width, int height) {
        int h = Math.min(width, height);
        if (h >= 4320) {
            return "8K";
        }
        if (h >= 2160) {
            return "4K";
        }
        return h + "p";
    }
}
