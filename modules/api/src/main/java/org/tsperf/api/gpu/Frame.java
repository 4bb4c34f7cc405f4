package org.tsperf.api.gpu;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One video frame: its size, pixel format and bytes. The data is read from position 0 (absolute access, little-endian
 * for 10-bit samples); a frame never changes the buffer's position. Processors never write into an input frame.
 *
 * @param width  pixels, at least 1
 * @param height pixels, at least 1
 * @param format layout of {@code data}
 * @param data   at least {@link PixelFormat#frameBytes} bytes
 */
public record Frame(int width, int height, PixelFormat format, ByteBuffer data) {

    public Frame {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
        if (width < 1 || height < 1 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("frame size out of range: " + width + "x" + height);
        }
        if (data.capacity() < format.frameBytes(width, height)) {
            throw new IllegalArgumentException(format + " " + width + "x" + height + " needs "
                    + format.frameBytes(width, height) + " bytes, the buffer has " + data.capacity());
        }
    }

    /** A zeroed frame in a new direct buffer. */
    public static Frame allocate(int width, int height, PixelFormat format) {
        return new Frame(width, height, format, ByteBuffer.allocateDirect((int) format.frameBytes(width, height)));
    }

    public long byteCount() {
        return format.frameBytes(width, height);
    }

    @Override
    public String toString() {
        return "Frame[" + width + "x" + height + " " + format + "]";
    }
}
