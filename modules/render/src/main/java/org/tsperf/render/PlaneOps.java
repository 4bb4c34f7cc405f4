package org.tsperf.render;

import java.util.stream.IntStream;

/**
 * A draft preview's frame operations on 8-bit YUV 4:2:0 planes, as {@code eq}, {@code gblur} and {@code xfade} work:
 * 1.5 samples a pixel instead of 4 floats, and no conversion to RGBA and back. A frame is one array: Y
 * ({@code w x h}), then U and V ({@code w/2 x h/2} each; sizes are even). Linear operations (blur, mix) commute with
 * the matrix, so they give the RGBA path's pictures but for rounding and clipping; colour adjust is the RGBA
 * operation's algebra on luma and chroma without gamma (callers keep gamma on the RGBA path).
 */
final class PlaneOps {

    private PlaneOps() {
    }

    /** Opaque black in the given range. */
    static void black(byte[] f, int w, int h, boolean fullRange) {
        int luma = w * h;
        java.util.Arrays.fill(f, 0, luma, (byte) (fullRange ? 0 : 16));
        java.util.Arrays.fill(f, luma, luma + luma / 2, (byte) 128);
    }

    /**
     * Brightness added to luma, contrast around mid grey on luma and as a factor on chroma, saturation as a factor on
     * chroma: what the RGBA operation does to {@code (r, g, b)} expressed in (Y, Cb, Cr), by lookup tables.
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
            double cn = (v - 128) / cspan * contrast * saturation;
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

    /** Gaussian blur of every plane (sigma halved on the half-size chroma planes), edges clamped. */
    static void blur(byte[] f, int w, int h, double sigma) {
        int luma = w * h;
        int cw = w / 2;
        int ch = h / 2;
        blurPlane(f, 0, w, h, sigma);
        blurPlane(f, luma, cw, ch, sigma / 2);
        blurPlane(f, luma + cw * ch, cw, ch, sigma / 2);
    }

    private static void blurPlane(byte[] f, int offset, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        if (r < 1) {
            return;
        }
        int[] k = kernel(sigma, r);
        int[] tmp = new int[w * h];
        IntStream.range(0, h).parallel().forEach(row -> {
            int base = offset + row * w;
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int t = -r; t <= r; t++) {
                    int xx = Math.min(w - 1, Math.max(0, x + t));
                    sum += k[t + r] * (f[base + xx] & 0xFF);
                }
                tmp[row * w + x] = sum; // scaled by 2^12
            }
        });
        IntStream.range(0, h).parallel().forEach(row -> {
            for (int x = 0; x < w; x++) {
                long sum = 0;
                for (int t = -r; t <= r; t++) {
                    int yy = Math.min(h - 1, Math.max(0, row + t));
                    sum += (long) k[t + r] * tmp[yy * w + x];
                }
                f[offset + row * w + x] = (byte) Math.min(255, (sum + (1L << 23)) >> 24);
            }
        });
    }

    /** Weights summing to exactly 4096. */
    private static int[] kernel(double sigma, int r) {
        double[] d = new double[2 * r + 1];
        double total = 0;
        for (int i = -r; i <= r; i++) {
            d[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
            total += d[i + r];
        }
        int[] k = new int[d.length];
        int sum = 0;
        for (int i = 0; i < d.length; i++) {
            k[i] = (int) Math.round(d[i] / total * 4096);
            sum += k[i];
        }
        k[r] += 4096 - sum;
        return k;
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
