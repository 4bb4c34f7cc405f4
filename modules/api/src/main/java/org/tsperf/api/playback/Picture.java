package org.tsperf.api.playback;

import java.util.Objects;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;

/**
 * A picture ready for the screen: RGBA, scaled to the view, not yet turned by the source's rotation.
 *
 * @param index      the frame's index in the file played
 * @param timeMicros its time from the first frame
 * @param rgba       the pixels; read them, never change them (the same bytes may be in the frame cache)
 * @param rotation   degrees clockwise to turn it by when painting (0, 90, 180, 270)
 */
public record Picture(long index, long timeMicros, Frame rgba, int rotation) {

    public Picture {
        Objects.requireNonNull(rgba, "rgba");
        if (rgba.format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("a picture is RGBA8, not " + rgba.format());
        }
    }
}
