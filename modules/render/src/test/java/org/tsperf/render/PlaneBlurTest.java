package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PlaneBlur} against the exact Gaussian (a sampled kernel out to 6 sigma, normalised, in double precision,
 * edges replicated, rounded once) on a plane of noise with sharp edges, the hardest case for an approximation.
 * Tolerances, per 8-bit sample: the kernel within 1 step everywhere (its tails end at 3 sigma; rounding); the box
 * passes (sigma beyond 8/3) within a mean of 0.5 and at most 4 steps.
 */
class PlaneBlurTest {

    private static final int W = 173;
    private static final int H = 97;

    @ParameterizedTest
    @CsvSource({"0.5, 1, 0.25", "1, 1, 0.3", "2, 1, 0.3", "2.6, 1, 0.3", "3, 4, 0.5", "5, 4, 0.5", "12, 4, 1",
        "30, 4, 1"})
    void blurIsTheGaussianWithinItsTolerance(double sigma, int maxError, double meanError) {
        byte[] plane = pattern();
        byte[] want = exact(plane, sigma);
        byte[] offset = new byte[7 + plane.length];
        System.arraycopy(plane, 0, offset, 7, plane.length);
        PlaneBlur.blur(offset, 7, W, H, sigma);
        int max = 0;
        long sum = 0;
        for (int i = 0; i < plane.length; i++) {
            int d = Math.abs((offset[7 + i] & 0xFF) - (want[i] & 0xFF));
            max = Math.max(max, d);
            sum += d;
        }
        double mean = (double) sum / plane.length;
        assertTrue(max <= maxError && mean <= meanError, "sigma " + sigma + ": max " + max + ", mean " + mean);
        // the bytes around the plane are left alone
        assertArrayEquals(new byte[7], java.util.Arrays.copyOf(offset, 7));
    }

    @ParameterizedTest
    @CsvSource({"1", "5"})
    void aBlurChangesTheNoiseClearly(double sigma) {
        byte[] plane = pattern();
        byte[] blurred = plane.clone();
        PlaneBlur.blur(blurred, 0, W, H, sigma);
        long sum = 0;
        for (int i = 0; i < plane.length; i++) {
            sum += Math.abs((plane[i] & 0xFF) - (blurred[i] & 0xFF));
        }
        assertTrue(sum / (double) plane.length > 10, "the comparison can fail: " + sum / (double) plane.length);
    }

    /** Noise over a bright square on dark, so edges and flat parts both count. */
    private static byte[] pattern() {
        Random r = new Random(42);
        byte[] p = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int base = x > 40 && x < 120 && y > 20 && y < 70 ? 200 : 30;
                p[y * W + x] = (byte) Math.max(0, Math.min(255, base + r.nextInt(101) - 50));
            }
        }
        return p;
    }

    private static byte[] exact(byte[] p, double sigma) {
        int r = (int) Math.ceil(6 * sigma);
        double[] k = new double[2 * r + 1];
        double total = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
            total += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= total;
        }
        double[] h = new double[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double s = 0;
                for (int t = -r; t <= r; t++) {
                    s += k[t + r] * (p[y * W + Math.min(W - 1, Math.max(0, x + t))] & 0xFF);
                }
                h[y * W + x] = s;
            }
        }
        byte[] out = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double s = 0;
                for (int t = -r; t <= r; t++) {
                    s += k[t + r] * h[Math.min(H - 1, Math.max(0, y + t)) * W + x];
                }
                out[y * W + x] = (byte) Math.min(255, Math.round(s));
            }
        }
        return out;
    }
}
