package org.tsperf.gpu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ColourAdjust;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.gpu.TestFrames;

class CpuFrameProcessorTest {

    @Test
    void gammaStepsGiveExactlyWhatPowGives() {
        for (float exponent : new float[] {1 / 2.2f, 2.2f, 0.1f, 10f, 1 / 0.6f}) {
            float[] steps = CpuFrameProcessor.gammaSteps(exponent);
            for (int i = 0; i <= 100_000; i++) {
                float v = i / 100_000f;
                assertEquals(CpuFrameProcessor.channel((float) Math.pow(v, exponent)), CpuFrameProcessor.step(steps, v),
                        "v " + v + " exponent " + exponent);
            }
        }
    }

    @Test
    void multiThreadedEqualsSingleThreaded() {
        Frame in = TestFrames.frame(333, 177, PixelFormat.NV12, 11);
        Frame other = TestFrames.frame(200, 100, PixelFormat.RGBA8, 12);
        List<FrameOperation> chain = List.of(
                new FrameOperation.ConvertToRgba(FrameOperation.YuvMatrix.BT709, FrameOperation.YuvRange.FULL),
                new FrameOperation.Scale(200, 100, FrameOperation.ScaleFilter.BICUBIC),
                new ColourAdjust(0.1, 1.2, 0.8, 1.8), new FrameOperation.GaussianBlur(3),
                new FrameOperation.CrossFade(other, 0.6));
        try (CpuFrameProcessor one = new CpuFrameProcessor(1); CpuFrameProcessor four = new CpuFrameProcessor(4)) {
            Frame a = one.process(in, chain, ByteBuffer.allocateDirect(200 * 100 * 4));
            Frame b = four.process(in, chain, ByteBuffer.allocateDirect(200 * 100 * 4));
            TestFrames.assertClose(a, b, 0, "threads do not change the result");
        }
    }

    @Test
    void aOnePixelPatternDownscaledAboutFourTimesComesOutFlatGrey() {
        // 1000x600 -> 240x144 (4.17x): with the plain 4-tap kernel each output pixel would sample 4 source pixels at
        // a phase that drifts across the frame, so the grey would swing between black and white (aliasing)
        try (CpuFrameProcessor cpu = new CpuFrameProcessor(2)) {
            for (Frame pattern : List.of(TestFrames.checkerboard(1000, 600), TestFrames.stripes(1000, 600))) {
                Frame out = cpu.process(pattern, List.of(new FrameOperation.Scale(240, 144,
                        FrameOperation.ScaleFilter.BICUBIC)), ByteBuffer.allocateDirect(240 * 144 * 4));
                double[] stats = TestFrames.redStats(out, 3);
                assertTrue(Math.abs(stats[0] - 127.5) < 3 && stats[1] < 3, "mean " + stats[0] + ", sd " + stats[1]);
            }
        }
    }

    @Test
    void wideKernelWeightsAreNormalisedAndSpanTwiceTheFactorEachSide() {
        CpuFrameProcessor.Taps t = CpuFrameProcessor.wideTaps(1000, 250);
        for (float[] w : t.weights()) {
            float sum = 0;
            for (float v : w) {
                sum += v;
            }
            assertEquals(1.0f, sum, 1e-5f);
            assertTrue(w.length >= 15 && w.length <= 17, "taps: " + w.length);
        }
        assertEquals(4, CpuFrameProcessor.wideTaps(100, 100).weights()[10].length, "no downscale: 4 taps");
    }

    @Test
    void blurIsBitForBitThePerPixelSumOfItsTaps() {
        // the row-wise passes must give exactly what the per-pixel loop (and so the shader's reference) gave
        Frame in = TestFrames.frame(61, 37, PixelFormat.RGBA8, 5);
        FrameOperation.GaussianBlur op = new FrameOperation.GaussianBlur(2.5);
        float[] wt = org.tsperf.gpu.Chains.blurWeights(op);
        int r = wt.length / 2, w = 61, h = 37;
        ByteBuffer src = in.data().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float[] tmp = new float[4 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 4; c++) {
                    float sum = 0;
                    for (int k = -r; k <= r; k++) {
                        int xx = Math.max(0, Math.min(w - 1, x + k));
                        sum += wt[k + r] * ((src.getInt(4 * (y * w + xx)) >>> (8 * c)) & 0xFF);
                    }
                    tmp[4 * (y * w + x) + c] = sum;
                }
            }
        }
        byte[] want = new byte[4 * w * h];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < 4 * w; i++) {
                float sum = 0;
                for (int k = -r; k <= r; k++) {
                    int yy = Math.max(0, Math.min(h - 1, y + k));
                    sum += wt[k + r] * tmp[yy * 4 * w + i];
                }
                want[y * 4 * w + i] = (byte) CpuFrameProcessor.round255(sum);
            }
        }
        try (CpuFrameProcessor cpu = new CpuFrameProcessor(2)) {
            Frame out = cpu.process(in, List.of(op), ByteBuffer.allocateDirect(4 * w * h));
            byte[] got = new byte[4 * w * h];
            out.data().duplicate().clear().get(got);
            assertTrue(java.util.Arrays.equals(want, got), "blur differs from the per-pixel sums");
        }
    }
}
