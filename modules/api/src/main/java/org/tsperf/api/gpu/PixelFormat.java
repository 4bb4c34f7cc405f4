package org.tsperf.api.gpu;

/** Pixel layouts of {@link Frame}s. Planar formats are 4:2:0 with chroma planes of ceil(w/2) x ceil(h/2). */
public enum PixelFormat {
    /** 4 bytes a pixel: R, G, B, A. */
    RGBA8,
    /** 8-bit Y plane, then U, then V. */
    I420,
    /** 8-bit Y plane, then interleaved U, V. */
    NV12,
    /** 10-bit samples in 16-bit little-endian words: Y plane, then U, then V (FFmpeg's yuv420p10le). */
    I420_10LE;

    /** Bytes of one frame of this format. */
    public long frameBytes(int width, int height) {
        long luma = (long) width * height;
        long chroma = (long) ((width + 1) / 2) * ((height + 1) / 2);
        return switch (this) {
            case RGBA8 -> 4 * luma;
            case I420, NV12 -> luma + 2 * chroma;
            case I420_10LE -> 2 * (luma + 2 * chroma);
        };
    }

    public boolean isYuv() {
        return this != RGBA8;
    }
}
