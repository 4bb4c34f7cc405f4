package org.tsperf.api.optimize;

import java.util.Objects;

/**
 * The video of one source the workbench knows.
 *
 * @param width           displayed width in pixels
 * @param height          displayed height in pixels
 * @param codec           e.g. "h264", "hevc", "prores"
 * @param frameRate       frames per second, 0 when unknown
 * @param durationSeconds 0 when unknown
 */
public record MediaDescription(int width, int height, String codec, double frameRate, double durationSeconds) {

    public MediaDescription {
        Objects.requireNonNull(codec, "codec");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a video has a size: " + width + "x" + height);
        }
    }

    /** Pixels a second, the load of decoding it. */
    public double pixelRate() {
        return (double) width * height * (frameRate > 0 ? frameRate : 30);
    }
}
