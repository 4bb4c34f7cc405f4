package org.tsperf.render;

import java.util.stream.IntStream;

/**
 * Frame operations on 8-bit YUV 4:2:0 planes (previews, and exports where the project allows), as ffmpeg's {@code eq},
 * {@code gblur} and {@code xfade} work in the filter graph the export is measured against: 1.5 samples a pixel
 * instead of 4 floats, and no conversion to RGBA and back. A frame is one array: Y ({@code w x h}), then U and V
 * ({@code w/2 x h/2} each; sizes are even). Where the RGBA operations differ: contrast does not scale chroma (as
 * {@code eq}), the blur's sigma is the same on the half-size chroma planes (as {@code gblur}: twice the chroma blur
 * of the RGBA path), and nothing is clipped to the RGB gamut. Measured on the bench's 4K project, each of the two
 * brought the export's SSIM against the filter graph up (0.943 with the RGBA algebra, 0.948 with both). Gamma is left
 * to the RGBA path (callers check).
 */
final class PlaneOps {

    private PlaneOps() {
    }

    /**
     * 10-bit little-endian 4:2:0 samples rounded to 8 bits, as ffmpeg's {@code format=yuv420p} gives them to its
     * filters. {@code samples} is scratch of {@code into.length}.
     */
    static void to8Bit(java.nio.ByteBuffer tenBit, short[] samples, byte[] into) {
        tenBit.duplicate().clear().order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples, 0, into.length);
        IntStream.range(0, 8).parallel().forEach(part -> {
            int from = (int) ((long) into.length * part / 8);
            int to = (int) ((long) into.length * (part + 1) / 8);
            for (int i = from; i < to; i++) {
                into[i] = (byte) Math.min(255, (samples[i] + 2) >> 2);
            }
        });
    }

    /** Opaque black in the given range. */
    static void black(byte[] f, int w, int h, boolean fullRange) {
        int luma = w * h;
        java.util.Arrays.fill(f, 0, luma, (byte) (fullRange ? 0 : 16));
        java.util.Arrays.fill(f, luma, luma + luma / 2, (byte) 128);
    }

    /**
     * Brightness added to luma, contrast around mid grey on luma, saturation as a factor on chroma: {@code eq}'s
     * algebra (the RGBA operation scales chroma by contrast too), by lookup tables.
     */
    static void colour(byte[] f, int w, int h, boolean fullRange, double brightness, double contrast,
            double saturation) {
        double lo = fullRange ? 0 : 16;
        double span = fullRange ? 255 : 219;
        double cspan = fullRange ? 255 : 224;
        byte[] y = new byte[256];
        byte[] c = new byte[256];
        for (int v = 0; v < 256; v++) {
            double n = (v - lo) / span;
            n = (n - 0.5) * contrast + 0.5 + brightness;
            y[v] = clamp(lo + n * span);
            double cn = (v - 128) / cspan * saturation;
            c[v] = clamp(128 + cn * cspan);
        }
        int luma = w * h;
        IntStream.range(0, 8).parallel().forEach(part -> {
            int from = (int) ((long) f.length * part / 8);
            int to = (int) ((long) f.length * (part + 1) / 8);
            for (int i = from; i < to; i++) {
                f[i] = (i < luma ? y : c)[f[i] & 0xFF];
            }
        });
    }

    /** Gaussian blur of every plane with the same sigma (as {@code gblur}), edges clamped: {@link PlaneBlur}. */
    static void blur(byte[] f, int w, int h, double sigma) {
        int luma = w * h;
        int cw = w / 2;
        int ch = h / 2;
        PlaneBlur.blur(f, 0, w, h, sigma);
        PlaneBlur.blur(f, luma, cw, ch, sigma);
        PlaneBlur.blur(f, luma + cw * ch, cw, ch, sigma);
    }

    /** {@code f} mixed towards {@code other} by {@code amount} (0 keeps f, 1 gives other), in place. */
    static void mix(byte[] f, byte[] other, double amount) {
        int a = (int) Math.round(Math.max(0, Math.min(1, amount)) * 256);
        if (a == 0) {
            return;
        }
        IntStream.range(0, 8).parallel().forEach(part -> {
            int from = (int) ((long) f.length * part / 8);
            int to = (int) ((long) f.length * (part + 1) / 8);
            for (int i = from; i < to; i++) {
                f[i] = (byte) (((f[i] & 0xFF) * (256 - a) + (other[i] & 0xFF) * a + 128) >> 8);
            }
        });
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
}
