package org.tsperf.api.media;

import java.util.Objects;

/**
 * A small picture of a source at a time.
 *
 * @param timeMicros where in the source, microseconds
 * @param width      pixels
 * @param height     pixels
 * @param rgb        packed 8-bit R, G, B per pixel, row by row ({@code width * height * 3} bytes); do not change it
 */
public record Thumbnail(long timeMicros, int width, int height, byte[] rgb) {

    public Thumbnail {
        Objects.requireNonNull(rgb, "rgb");
        if (width < 1 || height < 1 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " thumbnail needs " + (width * height * 3)
                    + " bytes, not " + rgb.length);
        }
    }
}
