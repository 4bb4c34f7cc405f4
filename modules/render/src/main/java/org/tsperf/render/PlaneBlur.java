package org.tsperf.render;

import java.util.stream.IntStream;

/**
 * Gaussian blur of one 8-bit plane, edges replicated. Two ways, chosen by sigma so that the cost stays bounded:
 * <ul>
 * <li>a separable kernel of radius {@code ceil(3 sigma)} in integers while that radius is at most
 * {@link #MAX_KERNEL_RADIUS}, applied tap by tap over whole rows (loops the JIT vectorises): the Gaussian itself, within
 * a step of rounding;</li>
 * <li>beyond it, three passes of an extended box (Gwosdek et al., "Theoretical foundations of Gaussian convolution by
 * extended box filtering", 2011: a box with fractional end taps, so that the three passes' variance is exactly
 * sigma squared) in each direction, by running sums: a cost a pixel that does not grow with sigma, as ffmpeg's
 * recursive {@code gblur}, and close to the Gaussian (its kernel is a piecewise quadratic of the same variance).</li>
 * </ul>
 * Both are checked against the exact Gaussian by {@code PlaneBlurTest}.
 */
final class PlaneBlur {

    /** Up to this radius (sigma 8/3) the kernel is cheaper than the box passes on 4K planes (measured). */
    static final int MAX_KERNEL_RADIUS = 8;
    private static final int BOX_PASSES = 3;
    private static final int BANDS = 16;

    private PlaneBlur() {
    }

    /** Blurs the {@code w x h} plane at {@code offset} of {@code f} in place. */
    static void blur(byte[] f, int offset, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        if (r < 1) {
            return;
        }
        if (r <= MAX_KERNEL_RADIUS) {
            kernel(f, offset, w, h, sigma, r);
        } else {
            boxes(f, offset, w, h, sigma);
        }
    }

    // ---- the separable kernel ----

    static void kernel(byte[] f, int offset, int w, int h, double sigma, int r) {
        int[] k = weights(sigma, r);
        int[] tmp = new int[w * h]; // the horizontal pass, scaled by 256
        IntStream.range(0, BANDS).parallel().forEach(band -> {
            int[] pad = new int[w + 2 * r];
            int[] acc = new int[w];
            for (int row = h * band / BANDS, end = h * (band + 1) / BANDS; row < end; row++) {
                int base = offset + row * w;
                for (int x = 0; x < r; x++) {
                    pad[x] = f[base] & 0xFF;
                    pad[w + r + x] = f[base + w - 1] & 0xFF;
                }
                for (int x = 0; x < w; x++) {
                    pad[r + x] = f[base + x] & 0xFF;
                }
                java.util.Arrays.fill(acc, 0);
                for (int t = 0; t <= 2 * r; t++) {
                    int kt = k[t];
                    for (int x = 0; x < w; x++) {
                        acc[x] += kt * pad[x + t];
                    }
                }
                int o = row * w;
                for (int x = 0; x < w; x++) {
                    tmp[o + x] = (acc[x] + 8) >> 4;
                }
            }
        });
        IntStream.range(0, BANDS).parallel().forEach(band -> {
            int[] acc = new int[w];
            for (int row = h * band / BANDS, end = h * (band + 1) / BANDS; row < end; row++) {
                java.util.Arrays.fill(acc, 0);
                for (int t = -r; t <= r; t++) {
                    int kt = k[t + r];
                    int src = Math.min(h - 1, Math.max(0, row + t)) * w;
                    for (int x = 0; x < w; x++) {
                        acc[x] += kt * tmp[src + x]; // at most 255 * 256 * 4096 < 2^31
                    }
                }
                int base = offset + row * w;
                for (int x = 0; x < w; x++) {
                    f[base + x] = (byte) Math.min(255, (acc[x] + (1 << 19)) >> 20);
                }
            }
        });
    }

    /** Weights summing to exactly 4096. */
    static int[] weights(double sigma, int r) {
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

    // ---- the extended box passes ----

    /** One pass's box: radius {@code r}, end taps at {@code r + 1} weighted {@code alpha}, all over {@code norm}. */
    private record Box(int r, double alpha, double norm) {
        static Box of(double sigma, int passes) {
            double v = sigma * sigma / passes;
            int r = (int) Math.floor(0.5 * Math.sqrt(12 * v + 1) - 0.5);
            double alpha = (2 * r + 1) * (r * (r + 1) - 3 * v) / (6 * (v - (r + 1) * (r + 1)));
            return new Box(r, alpha, 2 * r + 1 + 2 * alpha);
        }
    }

    /**
     * The box passes on the plane padded once by replicating its edges (margins as wide as the passes reach), so the
     * edges are the Gaussian's (each pass replicating its own input's edges would not be).
     */
    static void boxes(byte[] f, int offset, int w, int h, double sigma) {
        Box box = Box.of(sigma, BOX_PASSES);
        int m = BOX_PASSES * (box.r + 1);
        int pw = w + 2 * m;
        int ph = h + 2 * m;
        float[] a = new float[pw * ph];
        float[] b = new float[pw * ph];
        IntStream.range(0, BANDS).parallel().forEach(band -> {
            for (int y = ph * band / BANDS, end = ph * (band + 1) / BANDS; y < end; y++) {
                int src = offset + Math.min(h - 1, Math.max(0, y - m)) * w;
                for (int x = 0; x < pw; x++) {
                    a[y * pw + x] = f[src + Math.min(w - 1, Math.max(0, x - m))] & 0xFF;
                }
            }
        });
        IntStream.range(0, BANDS).parallel().forEach(band -> {
            double[] prefix = new double[pw + 2 * box.r + 4];
            float[] row = new float[pw];
            for (int y = ph * band / BANDS, end = ph * (band + 1) / BANDS; y < end; y++) {
                for (int p = 0; p < BOX_PASSES; p++) {
                    System.arraycopy(a, y * pw, row, 0, pw);
                    horizontal(row, a, y * pw, pw, box, prefix);
                }
            }
        });
        float[] from = a;
        float[] to = b;
        for (int p = 0; p < BOX_PASSES; p++) {
            float[] src = from;
            float[] dst = to;
            IntStream.range(0, BANDS).parallel().forEach(band -> vertical(src, dst, pw, ph, box,
                    m + w * band / BANDS, m + w * (band + 1) / BANDS));
            from = dst;
            to = src;
        }
        float[] done = from;
        IntStream.range(0, BANDS).parallel().forEach(band -> {
            for (int y = h * band / BANDS, end = h * (band + 1) / BANDS; y < end; y++) {
                int src = (y + m) * pw + m;
                int dst = offset + y * w;
                for (int x = 0; x < w; x++) {
                    f[dst + x] = (byte) Math.min(255, (int) (done[src + x] + 0.5f));
                }
            }
        });
    }

    /** One box pass over a row, edges replicated, by prefix sums (no drift over long rows). */
    private static void horizontal(float[] in, float[] out, int at, int w, Box box, double[] prefix) {
        int r = box.r;
        int pad = r + 1;
        // prefix[i] = sum of the padded row's first i samples; padded sample j is in[clamp(j - pad)]
        double s = 0;
        prefix[0] = 0;
        for (int j = 0; j < w + 2 * pad; j++) {
            s += in[Math.min(w - 1, Math.max(0, j - pad))];
            prefix[j + 1] = s;
        }
        for (int x = 0; x < w; x++) {
            int c = x + pad; // padded index of x
            double inner = prefix[c + r + 1] - prefix[c - r];
            double ends = in[Math.max(0, x - pad)] + in[Math.min(w - 1, x + pad)];
            out[at + x] = (float) ((inner + box.alpha * ends) / box.norm);
        }
    }

    /** One box pass down the columns {@code [x0, x1)}, row by row with a running sum per column. */
    private static void vertical(float[] in, float[] out, int w, int h, Box box, int x0, int x1) {
        int r = box.r;
        int n = x1 - x0;
        double[] sum = new double[n];
        for (int t = -r; t <= r; t++) {
            int src = Math.min(h - 1, Math.max(0, t)) * w + x0;
            for (int x = 0; x < n; x++) {
                sum[x] += in[src + x];
            }
        }
        float alpha = (float) box.alpha;
        double norm = box.norm;
        for (int y = 0; y < h; y++) {
            int lo = Math.max(0, y - r - 1) * w + x0;
            int hi = Math.min(h - 1, y + r + 1) * w + x0;
            int leave = Math.max(0, y - r) * w + x0;
            int o = y * w + x0;
            for (int x = 0; x < n; x++) {
                out[o + x] = (float) ((sum[x] + alpha * (in[lo + x] + in[hi + x])) / norm);
                sum[x] += in[hi + x] - in[leave + x];
            }
        }
    }
}
