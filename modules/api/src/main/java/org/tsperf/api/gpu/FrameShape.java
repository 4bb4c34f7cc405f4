package org.tsperf.api.gpu;

import java.util.Objects;

/** Size and pixel format of a frame, without its bytes. */
public record FrameShape(int width, int height, PixelFormat format) {

    public FrameShape {
        Objects.requireNonNull(format, "format");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size out of range: " + width + "x" + height);
        }
    }

    public long byteCount() {
        return format.frameBytes(width, height);
    }
}
