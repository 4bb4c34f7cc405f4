package org.tsperf.api.proxy;

import java.util.Objects;

/**
 * One video codec tried for real: an encoder that encoded a small test frame, or a hardware decoder that decoded
 * one, and why not when it did not.
 *
 * @param name   the encoder as FFmpeg names it ({@code h264_nvenc}, {@code libx264}), or the hardware decoding API
 *               ({@code vaapi}, {@code cuda})
 * @param kind   encoder or decoder
 * @param works  whether the test encode or decode succeeded
 * @param reason what the test found, in words: what FFmpeg said when it failed ({@code "Cannot load libcuda.so.1"})
 */
public record CodecCheck(String name, Kind kind, boolean works, String reason) {

    /** Whether the codec encodes or decodes. */
    public enum Kind {
        ENCODER, DECODER
    }

    public CodecCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
