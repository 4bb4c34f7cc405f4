package org.tsperf.gpu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
