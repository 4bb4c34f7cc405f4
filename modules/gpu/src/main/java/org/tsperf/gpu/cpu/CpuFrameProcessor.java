package org.tsperf.gpu.cpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ColourAdjust;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.CrossFade;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.FrameOperation.ScaleFilter;
import org.tsperf.api.gpu.FrameShape;
import org.tsperf.gpu.Chains;

/**
 * The CPU reference of every operation: the fallback when Vulkan is missing or slower, and the oracle of the GPU
 * tests. Rows are split into bands run in parallel on a private pool; the arithmetic mirrors the shaders (float,
 * round half up, clamp) so both paths agree within one step per 8-bit channel. Scratch buffers are kept and reused
 * across frames; nothing is allocated per pixel. One chain at a time per instance (calls are serialised).
 */
public final class CpuFrameProcessor implements AutoCloseable {

    private final int threads;
    private final ForkJoinPool pool;
    private ByteBuffer ping;
    private ByteBuffer pong;
    private float[] blurScratch = new float[0];

    /** @param threads 1 for the single-threaded reference */
    public CpuFrameProcessor(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : new ForkJoinPool(this.threads);
    }

    public int threads() {
        return threads;
    }

    /** Runs the chain into {@code target} (at least the output's bytes). */
    public synchronized Frame process(Frame input, List<FrameOperation> operations, ByteBuffer target) {
        FrameShape out = Chains.outputShape(input, operations);
        if (target.capacity() < out.byteCount()) {
            throw new IllegalArgumentException("target holds " + target.capacity() + " bytes, the output needs "
                    + out.byteCount());
        }
        if (operations.isEmpty()) {
            ByteBuffer t = target.duplicate().clear();
            ByteBuffer s = input.data().duplicate().clear().limit((int) input.byteCount());
            t.put(s);
            return new Frame(out.width(), out.height(), out.format(), target);
        }
        Frame current = input;
        for (int i = 0; i < operations.size(); i++) {
            FrameOperation op = operations.get(i);
            FrameShape shape = Chains.after(new FrameShape(current.width(), current.height(), current.format()), op, i);
            ByteBuffer dst = i == operations.size() - 1 ? target : scratch(i % 2 == 0, shape.byteCount());
            Frame next = new Frame(shape.width(), shape.height(), shape.format(), dst);
            apply(current, op, next);
            current = next;
        }
        return current;
    }

    private ByteBuffer scratch(boolean first, long bytes) {
        ByteBuffer b = first ? ping : pong;
        if (b == null || b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect((int) bytes);
            if (first) {
                ping = b;
            } else {
                pong = b;
            }
        }
        return b;
    }

    private void apply(Frame in, FrameOperation op, Frame out) {
        ByteBuffer src = le(in.data());
        ByteBuffer dst = le(out.data());
        if (op instanceof ConvertToRgba c) {
            YuvToRgba.convert(in, c, dst, this::rows);
        } else if (op instanceof Scale s) {
            scale(src, in.width(), in.height(), dst, s.width(), s.height(), s.filter());
        } else if (op instanceof ColourAdjust c) {
            colour(src, dst, in.width() * in.height(), Chains.colour(c));
        } else if (op instanceof GaussianBlur b) {
            blur(src, dst, in.width(), in.height(), Chains.blurWeights(b));
        } else if (op instanceof CrossFade c) {
            crossFade(src, le(c.other().data()), dst, in.width() * in.height(), (float) c.amount());
        } else {
            throw new IllegalArgumentException("unknown operation " + op);
        }
    }

    private static ByteBuffer le(ByteBuffer b) {
        return b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Runs rows [0, height) in bands on the pool. */
    private void rows(int height, RowBand band) {
        if (pool == null || height < 8) {
            band.run(0, height);
            return;
        }
        int bands = Math.min(height, threads * 4);
        try {
            pool.submit(() -> IntStream.range(0, bands).parallel()
                    .forEach(b -> band.run((int) ((long) height * b / bands), (int) ((long) height * (b + 1) / bands))))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while processing a frame", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("CPU frame operation failed: " + e.getCause(), e.getCause());
        }
    }

    /** Rows [y0, y1) of an operation. */
    @FunctionalInterface
    interface RowBand {
        void run(int y0, int y1);
    }

    /** Runs rows [0, height) in bands, in parallel where the processor has threads. */
    @FunctionalInterface
    interface Bands {
        void run(int height, RowBand band);
    }

    /**
     * round(v * 255) clamped to 0..255; for r >= 0 truncation is floor, and below 1 both give 0. Clamped as an int
     * after the conversion (the same results, NaN included: it converts to 0), with min/max, which the JIT compiles
     * without branches (a frame's worth of unpredictable branches cost a third of the conversion); the integer
     * clamp is cheaper than the float one.
     */
    static int channel(float v) {
        return Math.max(0, Math.min(255, (int) (v * 255.0f + 0.5f)));
    }

    static int round255(float v) {
        float r = (float) Math.floor(v + 0.5f);
        return r < 0 ? 0 : r > 255 ? 255 : (int) r;
    }

    static float cubic(float t) {
        t = Math.abs(t);
        if (t < 1.0f) {
            return (1.5f * t - 2.5f) * t * t + 1.0f;
        }
        if (t < 2.0f) {
            return ((-0.5f * t + 2.5f) * t - 4.0f) * t + 2.0f;
        }
        return 0.0f;
    }

    /** Per output coordinate along one axis: the first source tap and the normalised weights of the kernel. */
    record Taps(int[] first, float[][] weights) {
    }

    /**
     * Area-aware bicubic taps along one axis: shrunk by s > 1, the Catmull-Rom kernel is widened by s (support 2s,
     * about 4s taps) and normalised, as ffmpeg's swscale and Pillow do; the same float arithmetic as scale.comp.
     */
    static Taps wideTaps(int src, int dst) {
        float scale = Math.max(1.0f, (float) src / (float) dst);
        int[] first = new int[dst];
        float[][] weights = new float[dst][];
        for (int x = 0; x < dst; x++) {
            float c = (x + 0.5f) * src / dst - 0.5f;
            int t0 = (int) Math.floor(c - 2.0f * scale) + 1;
            int t1 = (int) Math.floor(c + 2.0f * scale);
            float[] w = new float[t1 - t0 + 1];
            float sum = 0.0f;
            for (int i = t0; i <= t1; i++) {
                w[i - t0] = cubic((i - c) / scale);
                sum += w[i - t0];
            }
            for (int k = 0; k < w.length; k++) {
                w[k] = w[k] / sum;
            }
            first[x] = t0;
            weights[x] = w;
        }
        return new Taps(first, weights);
    }

    private static int clampIndex(int i, int size) {
        return i < 0 ? 0 : i >= size ? size - 1 : i;
    }

    /** Bicubic downscale with the widened kernel: per band of output rows, a horizontal pass then a vertical one. */
    private void scaleDown(ByteBuffer src, int sw, int sh, ByteBuffer dst, int dw, int dh) {
        Taps tx = wideTaps(sw, dw);
        Taps ty = wideTaps(sh, dh);
        rows(dh, (y0, y1) -> {
            if (y0 >= y1) {
                return;
            }
            int lo = clampIndex(ty.first()[y0], sh);
            int hi = clampIndex(ty.first()[y1 - 1] + ty.weights()[y1 - 1].length - 1, sh);
            float[] band = new float[(hi - lo + 1) * dw * 4];
            for (int j = lo; j <= hi; j++) {
                int base = (j - lo) * dw * 4;
                for (int x = 0; x < dw; x++) {
                    int f = tx.first()[x];
                    float[] w = tx.weights()[x];
                    float r = 0, g = 0, b = 0, a = 0;
                    for (int k = 0; k < w.length; k++) {
                        int p = texel(src, sw, sh, f + k, j);
                        float wk = w[k];
                        r += (p & 0xFF) * wk;
                        g += ((p >>> 8) & 0xFF) * wk;
                        b += ((p >>> 16) & 0xFF) * wk;
                        a += (p >>> 24) * wk;
                    }
                    band[base + 4 * x] = r;
                    band[base + 4 * x + 1] = g;
                    band[base + 4 * x + 2] = b;
                    band[base + 4 * x + 3] = a;
                }
            }
            for (int y = y0; y < y1; y++) {
                int f = ty.first()[y];
                float[] w = ty.weights()[y];
                for (int x = 0; x < dw; x++) {
                    float r = 0, g = 0, b = 0, a = 0;
                    for (int k = 0; k < w.length; k++) {
                        int i = ((clampIndex(f + k, sh) - lo) * dw + x) * 4;
                        float wk = w[k];
                        r += band[i] * wk;
                        g += band[i + 1] * wk;
                        b += band[i + 2] * wk;
                        a += band[i + 3] * wk;
                    }
                    dst.putInt(4 * (y * dw + x), round255(r) | round255(g) << 8 | round255(b) << 16
                            | round255(a) << 24);
                }
            }
        });
    }

    private void scale(ByteBuffer src, int sw, int sh, ByteBuffer dst, int dw, int dh, ScaleFilter filter) {
        if (filter == ScaleFilter.BICUBIC && (sw > dw || sh > dh)) {
            scaleDown(src, sw, sh, dst, dw, dh);
            return;
        }
        // per-column source positions, computed once a frame (same float arithmetic as the shader)
        int[] ix = new int[dw];
        float[] tx = new float[dw];
        for (int x = 0; x < dw; x++) {
            float sx = (x + 0.5f) * sw / dw - 0.5f;
            float fx = (float) Math.floor(sx);
            ix[x] = (int) fx;
            tx[x] = sx - fx;
        }
        boolean bicubic = filter == ScaleFilter.BICUBIC;
        rows(dh, (y0, y1) -> {
            float[] acc = new float[4];
            float[] row = new float[4];
            for (int y = y0; y < y1; y++) {
                float sy = (y + 0.5f) * sh / dh - 0.5f;
                float fy = (float) Math.floor(sy);
                int iy = (int) fy;
                float ty = sy - fy;
                for (int x = 0; x < dw; x++) {
                    int cx = ix[x];
                    float fx = tx[x];
                    if (!bicubic) {
                        int p00 = texel(src, sw, sh, cx, iy), p10 = texel(src, sw, sh, cx + 1, iy);
                        int p01 = texel(src, sw, sh, cx, iy + 1), p11 = texel(src, sw, sh, cx + 1, iy + 1);
                        int out = 0;
                        for (int k = 0; k < 32; k += 8) {
                            float top = ((p00 >>> k) & 0xFF) * (1.0f - fx) + ((p10 >>> k) & 0xFF) * fx;
                            float bottom = ((p01 >>> k) & 0xFF) * (1.0f - fx) + ((p11 >>> k) & 0xFF) * fx;
                            out |= round255(top * (1.0f - ty) + bottom * ty) << k;
                        }
                        dst.putInt(4 * (y * dw + x), out);
                    } else {
                        acc[0] = acc[1] = acc[2] = acc[3] = 0;
                        for (int j = -1; j <= 2; j++) {
                            row[0] = row[1] = row[2] = row[3] = 0;
                            for (int i = -1; i <= 2; i++) {
                                int p = texel(src, sw, sh, cx + i, iy + j);
                                float wgt = cubic(i - fx);
                                row[0] += (p & 0xFF) * wgt;
                                row[1] += ((p >>> 8) & 0xFF) * wgt;
                                row[2] += ((p >>> 16) & 0xFF) * wgt;
                                row[3] += (p >>> 24) * wgt;
                            }
                            float wy = cubic(j - ty);
                            acc[0] += row[0] * wy;
                            acc[1] += row[1] * wy;
                            acc[2] += row[2] * wy;
                            acc[3] += row[3] * wy;
                        }
                        dst.putInt(4 * (y * dw + x), round255(acc[0]) | round255(acc[1]) << 8
                                | round255(acc[2]) << 16 | round255(acc[3]) << 24);
                    }
                }
            }
        });
    }

    private static int texel(ByteBuffer src, int w, int h, int x, int y) {
        x = x < 0 ? 0 : x >= w ? w - 1 : x;
        y = y < 0 ? 0 : y >= h ? h - 1 : y;
        return src.getInt(4 * (y * w + x));
    }

    private void colour(ByteBuffer src, ByteBuffer dst, int pixels, float[] c) {
        float[] steps = c[3] == 1.0f ? null : gammaSteps(c[3]);
        int width = 4096;
        int rowsCount = (pixels + width - 1) / width;
        rows(rowsCount, (r0, r1) -> {
            for (int i = r0 * width, end = Math.min(pixels, r1 * width); i < end; i++) {
                int v = src.getInt(4 * i);
                float r = (v & 0xFF) / 255.0f, g = ((v >>> 8) & 0xFF) / 255.0f, b = ((v >>> 16) & 0xFF) / 255.0f;
                r = (r - 0.5f) * c[1] + 0.5f + c[0];
                g = (g - 0.5f) * c[1] + 0.5f + c[0];
                b = (b - 0.5f) * c[1] + 0.5f + c[0];
                float luma = 0.2126f * r + 0.7152f * g + 0.0722f * b;
                r = clamp01(luma + (r - luma) * c[2]);
                g = clamp01(luma + (g - luma) * c[2]);
                b = clamp01(luma + (b - luma) * c[2]);
                if (steps != null) {
                    dst.putInt(4 * i, step(steps, r) | step(steps, g) << 8 | step(steps, b) << 16 | (v & 0xFF000000));
                } else {
                    dst.putInt(4 * i, channel(r) | channel(g) << 8 | channel(b) << 16 | (v & 0xFF000000));
                }
            }
        });
    }

    /**
     * Gamma without a pow per channel: {@code channel(pow(v, e))} is a non-decreasing step function of v in [0, 1],
     * so steps[k] = the smallest float v giving at least k (found by bisection on the float's bits with that same
     * formula) reproduces it exactly with 8 comparisons. 255 bisections a frame instead of 3 pow a pixel.
     */
    static float[] gammaSteps(float exponent) {
        float[] steps = new float[256];
        int one = Float.floatToIntBits(1.0f);
        for (int k = 1; k < 256; k++) {
            int lo = 0, hi = one + 1; // hi = "never": a float above 1
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (mid <= one && channel((float) Math.pow(Float.intBitsToFloat(mid), exponent)) >= k) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            steps[k] = Float.intBitsToFloat(lo);
        }
        return steps;
    }

    /** The number of steps[1..255] at or below v (v in [0, 1]). */
    static int step(float[] steps, float v) {
        int lo = 0, hi = 255; // answer in [0, 255]
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (steps[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static float clamp01(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    /**
     * Each row is unpacked to floats once (edges clamped) and each pass runs tap by tap over whole rows: loops the JIT
     * vectorises. Every output still sums its taps in the same order from zero, so the result is bit for bit the
     * per-pixel loop's (the shader's reference).
     */
    private void blur(ByteBuffer src, ByteBuffer dst, int w, int h, float[] weights) {
        int r = weights.length / 2;
        if (blurScratch.length < 4 * w * h) {
            blurScratch = new float[4 * w * h];
        }
        float[] tmp = blurScratch;
        int n = 4 * w;
        rows(h, (y0, y1) -> {
            float[] row = new float[4 * (w + 2 * r)];
            float[] acc = new float[n];
            for (int y = y0; y < y1; y++) {
                for (int i = -r; i < w + r; i++) {
                    int xx = i < 0 ? 0 : i >= w ? w - 1 : i;
                    int v = src.getInt(4 * (y * w + xx));
                    int o = 4 * (i + r);
                    row[o] = v & 0xFF;
                    row[o + 1] = (v >>> 8) & 0xFF;
                    row[o + 2] = (v >>> 16) & 0xFF;
                    row[o + 3] = v >>> 24;
                }
                java.util.Arrays.fill(acc, 0f);
                for (int k = 0; k < weights.length; k++) {
                    float wk = weights[k];
                    int off = 4 * k;
                    for (int i = 0; i < n; i++) {
                        acc[i] += wk * row[off + i];
                    }
                }
                System.arraycopy(acc, 0, tmp, y * n, n);
            }
        });
        rows(h, (y0, y1) -> {
            float[] acc = new float[n];
            for (int y = y0; y < y1; y++) {
                java.util.Arrays.fill(acc, 0f);
                for (int k = -r; k <= r; k++) {
                    int yy = y + k;
                    yy = yy < 0 ? 0 : yy >= h ? h - 1 : yy;
                    int base = yy * n;
                    float wk = weights[k + r];
                    for (int i = 0; i < n; i++) {
                        acc[i] += wk * tmp[base + i];
                    }
                }
                for (int x = 0; x < w; x++) {
                    int o = 4 * x;
                    dst.putInt(4 * (y * w + x), round255(acc[o]) | round255(acc[o + 1]) << 8
                            | round255(acc[o + 2]) << 16 | round255(acc[o + 3]) << 24);
                }
            }
        });
    }

    private void crossFade(ByteBuffer a, ByteBuffer b, ByteBuffer dst, int pixels, float t) {
        int width = 4096;
        int rowsCount = (pixels + width - 1) / width;
        rows(rowsCount, (r0, r1) -> {
            for (int i = r0 * width, end = Math.min(pixels, r1 * width); i < end; i++) {
                int s = a.getInt(4 * i), o = b.getInt(4 * i), out = 0;
                for (int k = 0; k < 32; k += 8) {
                    float va = (s >>> k) & 0xFF, vb = (o >>> k) & 0xFF;
                    out |= round255(va + (vb - va) * t) << k;
                }
                dst.putInt(4 * i, out);
            }
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
