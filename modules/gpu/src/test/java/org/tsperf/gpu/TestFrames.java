package org.tsperf.gpu;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;

/** Deterministic test frames: gradients with noise, so that every code value and edge case occurs. */
public final class TestFrames {

    private TestFrames() {
    }

    public static Frame frame(int w, int h, PixelFormat format, long seed) {
        Frame f = Frame.allocate(w, h, format);
        ByteBuffer b = f.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Random r = new Random(seed);
        int samples = format == PixelFormat.I420_10LE ? (int) (f.byteCount() / 2) : (int) f.byteCount();
        for (int i = 0; i < samples; i++) {
            int gradient = (i % w) * 255 / Math.max(1, w - 1);
            int v = (gradient + r.nextInt(64) - 32) & 0xFF;
            if (format == PixelFormat.I420_10LE) {
                b.putShort(2 * i, (short) (v * 4 + r.nextInt(4)));
            } else {
                b.put(i, (byte) v);
            }
        }
        return f;
    }

    /** Fails with the first pixels that differ by more than {@code tolerance} in any 8-bit channel. */
    public static void assertClose(Frame expected, Frame actual, int tolerance, String what) {
        if (expected.width() != actual.width() || expected.height() != actual.height()
                || expected.format() != actual.format()) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
        int bytes = (int) expected.byteCount();
        int worst = 0, bad = 0;
        StringBuilder firsts = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            int d = Math.abs((expected.data().get(i) & 0xFF) - (actual.data().get(i) & 0xFF));
            worst = Math.max(worst, d);
            if (d > tolerance) {
                if (bad++ < 5) {
                    int px = i / 4;
                    firsts.append(String.format(" (x %d y %d ch %d: %d vs %d)", px % expected.width(),
                            px / expected.width(), i % 4, expected.data().get(i) & 0xFF, actual.data().get(i) & 0xFF));
                }
            }
        }
        if (bad > 0) {
            fail(what + ": " + bad + " channels differ by more than " + tolerance + " (worst " + worst + "):" + firsts);
        }
    }

    /** Number of bytes that differ (to prove that an operation changed something). */
    public static int differingBytes(Frame a, Frame b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.byteCount(), b.byteCount()); i++) {
            if (a.data().get(i) != b.data().get(i)) {
                n++;
            }
        }
        return n;
    }

    /** A 1-pixel black and white checkerboard (grey 127.5 on average): the highest frequency a frame can hold. */
    public static Frame checkerboard(int w, int h) {
        Frame f = Frame.allocate(w, h, PixelFormat.RGBA8);
        ByteBuffer b = f.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = ((x + y) & 1) == 0 ? 0 : 255;
                b.putInt(4 * (y * w + x), v | v << 8 | v << 16 | 0xFF << 24);
            }
        }
        return f;
    }

    /** 1-pixel vertical black and white stripes. */
    public static Frame stripes(int w, int h) {
        Frame f = Frame.allocate(w, h, PixelFormat.RGBA8);
        ByteBuffer b = f.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x & 1) == 0 ? 0 : 255;
                b.putInt(4 * (y * w + x), v | v << 8 | v << 16 | 0xFF << 24);
            }
        }
        return f;
    }

    /** {mean, standard deviation} of the red channel, leaving out a border of {@code border} pixels (edges clamp). */
    public static double[] redStats(Frame f, int border) {
        double sum = 0, sq = 0;
        int n = 0;
        for (int y = border; y < f.height() - border; y++) {
            for (int x = border; x < f.width() - border; x++) {
                int v = f.data().get(4 * (y * f.width() + x)) & 0xFF;
                sum += v;
                sq += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean))};
    }
}
