package org.tsperf.api.timeline;

import java.util.Objects;

/**
 * @param playbackFps  frames shown per second over the last second, 0 when stopped
 * @param targetFps    the timeline's frame rate
 * @param preview      preview quality in words, e.g. "Half (1920x1080)" or "Proxy Quarter"
 * @param renderSpeed  render speed as a multiple of real time, NaN when nothing renders
 */
public record PlaybackFigures(double playbackFps, double targetFps, String preview, double renderSpeed) {

    public PlaybackFigures {
        Objects.requireNonNull(preview, "preview");
    }
}
