package org.tsperf.gpu;

import java.nio.ByteBuffer;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;

/** Synthetic frames for the benchmark and the path measurement: a gradient with a fixed pseudo-random texture. */
final class TestPattern {

    private TestPattern() {
    }

    static Frame frame(int w, int h, PixelFormat format, int seed) {
        Frame f = Frame.allocate(w, h, format);
        ByteBuffer b = f.data();
        int n = (int) f.byteCount();
        int x = seed * 0x9E3779B9;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            b.put(i, (byte) ((i % Math.max(1, w)) * 200 / Math.max(1, w) + (x & 0x37)));
        }
        if (format == PixelFormat.I420_10LE) {
            for (int i = 1; i < n; i += 2) {
                b.put(i, (byte) (b.get(i) & 0x03)); // keep samples within 10 bits
            }
        }
        return f;
    }

    static Frame rgba(int w, int h, int seed) {
        return frame(w, h, PixelFormat.RGBA8, seed);
    }
}
