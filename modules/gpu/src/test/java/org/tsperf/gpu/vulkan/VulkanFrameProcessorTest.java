package org.tsperf.gpu.vulkan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tsperf.api.gpu.FrameOperation.ScaleFilter.BICUBIC;
import static org.tsperf.api.gpu.FrameOperation.ScaleFilter.BILINEAR;
import static org.tsperf.api.gpu.FrameOperation.YuvMatrix.BT601;
import static org.tsperf.api.gpu.FrameOperation.YuvMatrix.BT709;
import static org.tsperf.api.gpu.FrameOperation.YuvRange.FULL;
import static org.tsperf.api.gpu.FrameOperation.YuvRange.LIMITED;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ColourAdjust;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.CrossFade;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.gpu.BatchJob;
import org.tsperf.gpu.BatchOutcome;
import org.tsperf.gpu.Chains;
import org.tsperf.gpu.TestFrames;
import org.tsperf.gpu.cpu.CpuFrameProcessor;

/** Every operation on real Vulkan (lavapipe here) against the CPU reference: within 1 per 8-bit channel. */
class VulkanFrameProcessorTest {

    private static final int W = 256, H = 144;

    @TempDir
    static Path cacheDir;
    static VulkanDevice vk;
    static VulkanFrameProcessor gpu;
    /** The staging-buffer path (what discrete GPUs use), forced: lavapipe's memory is unified. */
    static VulkanFrameProcessor staged;
    static CpuFrameProcessor cpu;

    @BeforeAll
    static void open() throws VulkanUnavailableException {
        vk = VulkanDevice.open(VulkanOptions.fromSystemProperties().withCacheDirectory(cacheDir).withValidation(true));
        gpu = new VulkanFrameProcessor(vk);
        staged = new VulkanFrameProcessor(vk, true);
        cpu = new CpuFrameProcessor(2);
    }

    @AfterAll
    static void close() {
        if (vk != null) {
            vk.close();
        }
        cpu.close();
    }

    private static void compare(Frame in, List<FrameOperation> ops, String what) {
        var shape = Chains.outputShape(in, ops);
        Frame expected = cpu.process(in, ops, ByteBuffer.allocateDirect((int) shape.byteCount()));
        Frame actual = gpu.process(in, ops, ByteBuffer.allocateDirect((int) shape.byteCount()));
        TestFrames.assertClose(expected, actual, 1, what);
        Frame viaStaging = staged.process(in, ops, ByteBuffer.allocateDirect((int) shape.byteCount()));
        TestFrames.assertClose(expected, viaStaging, 1, what + " (staging buffers)");
    }

    @Test
    void convertsEveryYuvLayoutMatrixAndRangeLikeTheReference() {
        for (PixelFormat f : List.of(PixelFormat.I420, PixelFormat.NV12, PixelFormat.I420_10LE)) {
            for (var m : FrameOperation.YuvMatrix.values()) {
                for (var r : FrameOperation.YuvRange.values()) {
                    compare(TestFrames.frame(W, H, f, 1), List.of(new ConvertToRgba(m, r)), f + " " + m + " " + r);
                }
            }
        }
        compare(TestFrames.frame(W - 3, H - 1, PixelFormat.I420, 2), List.of(new ConvertToRgba(BT709, LIMITED)),
                "odd size I420");
    }

    @Test
    void scalesBilinearAndBicubicUpAndDownLikeTheReference() {
        Frame rgba = TestFrames.frame(W, H, PixelFormat.RGBA8, 3);
        for (var filter : List.of(BILINEAR, BICUBIC)) {
            compare(rgba, List.of(new Scale(W / 2, H / 2, filter)), "down " + filter);
            compare(rgba, List.of(new Scale(W * 3 / 2 + 1, H + 7, filter)), "up " + filter);
        }
    }

    @Test
    void downscalesBicubicWithTheWidenedKernelLikeTheReference() {
        Frame big = TestFrames.frame(1000, 600, PixelFormat.RGBA8, 14);
        compare(big, List.of(new Scale(240, 144, BICUBIC)), "4.17x down");
        compare(big, List.of(new Scale(250, 150, BICUBIC)), "4x down");
        compare(big, List.of(new Scale(333, 600, BICUBIC)), "one axis down");
        compare(big, List.of(new Scale(400, 900, BICUBIC)), "one axis down, one up");
        for (Frame pattern : List.of(TestFrames.checkerboard(1000, 600), TestFrames.stripes(1000, 600))) {
            Frame out = gpu.process(pattern, List.of(new Scale(240, 144, BICUBIC)),
                    ByteBuffer.allocateDirect(240 * 144 * 4));
            double[] stats = TestFrames.redStats(out, 3);
            assertTrue(Math.abs(stats[0] - 127.5) < 3 && stats[1] < 3, "mean " + stats[0] + ", sd " + stats[1]);
        }
    }

    @Test
    void adjustsColourBlursAndCrossFadesLikeTheReference() {
        Frame rgba = TestFrames.frame(W, H, PixelFormat.RGBA8, 4);
        Frame other = TestFrames.frame(W, H, PixelFormat.RGBA8, 5);
        compare(rgba, List.of(new ColourAdjust(0.1, 1.3, 0.7, 2.2)), "colour");
        compare(rgba, List.of(new ColourAdjust(-0.2, 0.8, 1.5, 0.6)), "colour 2");
        compare(rgba, List.of(new GaussianBlur(2.5)), "blur");
        compare(rgba, List.of(new CrossFade(other, 0.37)), "cross-fade");
    }

    @Test
    void runsAWholeChainInOneCommandBufferAndReusesItsBuffers() {
        Frame yuv = TestFrames.frame(W, H, PixelFormat.NV12, 6);
        Frame other = TestFrames.frame(W / 2, H / 2, PixelFormat.RGBA8, 7);
        List<FrameOperation> chain = List.of(new ConvertToRgba(BT601, FULL), new Scale(W / 2, H / 2, BICUBIC),
                new ColourAdjust(0.05, 1.1, 1.2, 1.0), new GaussianBlur(1.0), new CrossFade(other, 0.5));
        compare(yuv, chain, "chain");
        long held = gpu.allocatedBytes();
        compare(yuv, chain, "chain again");
        assertEquals(held, gpu.allocatedBytes(), "the second frame of the same size allocates nothing");
    }

    @Test
    void staysCorrectWhileBuffersGrowAndShrinkBetweenFrames() {
        int[][] sizes = {{64, 36}, {256, 144}, {96, 54}, {320, 180}, {64, 36}, {320, 180}};
        for (int[] size : sizes) {
            int w = size[0], h = size[1];
            Frame yuv = TestFrames.frame(w, h, PixelFormat.I420, w);
            Frame other = TestFrames.frame(w * 2, h * 2, PixelFormat.RGBA8, h);
            compare(yuv, List.of(new ConvertToRgba(BT709, LIMITED), new Scale(w * 2, h * 2, BILINEAR),
                    new GaussianBlur(w / 40.0 + 0.5), new CrossFade(other, 0.25)), "frame " + w + "x" + h);
        }
    }

    @Test
    void runsABatchOfSmallChainsInOneSubmissionLikeTheReference() {
        Frame thumbSource = TestFrames.frame(320, 180, PixelFormat.I420, 11);
        Frame rgba = TestFrames.frame(96, 54, PixelFormat.RGBA8, 12);
        Frame other = TestFrames.frame(96, 54, PixelFormat.RGBA8, 13);
        List<List<FrameOperation>> chains = List.of(
                List.of(new ConvertToRgba(BT709, LIMITED), new Scale(160, 90, BICUBIC)),
                List.of(new GaussianBlur(1.5), new ColourAdjust(0.05, 1.1, 1.2, 1.0)),
                List.of(new CrossFade(other, 0.3)),
                List.of(),
                List.of(new Scale(48, 27, BILINEAR), new GaussianBlur(1)));
        List<Frame> inputs = List.of(thumbSource, rgba, rgba, rgba, rgba);
        for (VulkanFrameProcessor ctx : List.of(gpu, staged)) {
            List<BatchJob> jobs = new java.util.ArrayList<>();
            List<Frame> expected = new java.util.ArrayList<>();
            for (int i = 0; i < chains.size(); i++) {
                int bytes = (int) Chains.outputShape(inputs.get(i), chains.get(i)).byteCount();
                jobs.add(new BatchJob(inputs.get(i), chains.get(i), ByteBuffer.allocateDirect(bytes)));
                expected.add(cpu.process(inputs.get(i), chains.get(i), ByteBuffer.allocateDirect(bytes)));
            }
            // a job whose target is too small fails alone
            jobs.add(2, new BatchJob(rgba, List.of(new GaussianBlur(1)), ByteBuffer.allocateDirect(16)));
            long submits = vk.submitCount();
            List<BatchOutcome> outcomes = ctx.processBatch(jobs);
            assertEquals(submits + 1, vk.submitCount(), "one submission for the whole batch");
            assertEquals(jobs.size(), outcomes.size());
            assertTrue(outcomes.get(2).error() instanceof IllegalArgumentException, String.valueOf(outcomes.get(2)));
            for (int i = 0, k = 0; i < outcomes.size(); i++) {
                if (i == 2) {
                    continue;
                }
                BatchOutcome o = outcomes.get(i);
                assertTrue(!o.failed(), "job " + i + ": " + o.error());
                TestFrames.assertClose(expected.get(k), o.frame(), 1, "batched job " + k + " staging "
                        + ctx.usesStaging());
                k++;
            }
        }
        if (VulkanDevice.validationLayerInstalled()) {
            assertEquals(List.of(), vk.validationMessages());
        }
    }

    @Test
    void referenceConvertsKnownColours() {
        Frame f = Frame.allocate(2, 2, PixelFormat.I420);
        // Y 235, U 128, V 128: white; then BT.601 limited red (81, 90, 240)
        for (int i = 0; i < 4; i++) {
            f.data().put(i, (byte) 235);
        }
        f.data().put(4, (byte) 128).put(5, (byte) 128);
        ByteBuffer out = ByteBuffer.allocateDirect(16);
        cpu.process(f, List.of(new ConvertToRgba(BT709, LIMITED)), out);
        assertEquals(0xFFFFFFFF, out.getInt(0), "white");
        for (int i = 0; i < 4; i++) {
            f.data().put(i, (byte) 81);
        }
        f.data().put(4, (byte) 90).put(5, (byte) 240);
        cpu.process(f, List.of(new ConvertToRgba(BT601, LIMITED)), out);
        assertTrue((out.get(0) & 0xFF) >= 253 && (out.get(1) & 0xFF) <= 2 && (out.get(2) & 0xFF) <= 2,
                "red, got " + (out.get(0) & 0xFF) + "," + (out.get(1) & 0xFF) + "," + (out.get(2) & 0xFF));
        compare(f, List.of(new ConvertToRgba(BT601, LIMITED)), "known colours on the GPU");
    }

    @Test
    void writesStraightIntoDeviceMemoryWhereItIsUnified() {
        assertEquals(!vk.unifiedMemory(), gpu.usesStaging());
        assertTrue(staged.usesStaging());
        ByteBuffer data = ByteBuffer.allocateDirect(4096);
        long[] direct = gpu.transferCost(4096, data);
        long[] copied = staged.transferCost(4096, data);
        assertTrue(direct[0] >= 0 && direct[1] >= 0 && copied[0] > 0 && copied[1] > 0);
    }

    @Test
    void operationsChangeTheFrame() {
        Frame rgba = TestFrames.frame(W, H, PixelFormat.RGBA8, 8);
        ByteBuffer out = ByteBuffer.allocateDirect((int) rgba.byteCount());
        Frame blurred = gpu.process(rgba, List.of(new GaussianBlur(3)), out);
        assertTrue(TestFrames.differingBytes(rgba, blurred) > rgba.byteCount() / 2, "blur changes most bytes");
    }

    @Test
    void refusesFramesBeyondTheDeviceStorageLimitSoTheCallerUsesTheCpu() {
        long needed = 16L * 7680 * 4320; // an 8K blur's float pass
        assumeTrue(vk.maxStorageBufferRange() < needed, "this device can blur 8K frames");
        Frame big = Frame.allocate(7680, 4320, PixelFormat.RGBA8);
        org.junit.jupiter.api.Assertions.assertThrows(DeviceLimitException.class,
                () -> gpu.process(big, List.of(new GaussianBlur(1)), ByteBuffer.allocateDirect((int) big.byteCount())));
    }

    @Test
    void producesNoValidationMessages() {
        assumeTrue(VulkanDevice.validationLayerInstalled(), "validation layer not installed (vulkan-validationlayers)");
        Frame yuv = TestFrames.frame(64, 32, PixelFormat.I420, 9);
        gpu.process(yuv, List.of(new ConvertToRgba(BT709, LIMITED), new GaussianBlur(1), new Scale(32, 16, BICUBIC)),
                ByteBuffer.allocateDirect(32 * 16 * 4));
        assertEquals(List.of(), vk.validationMessages());
    }

    @Test
    void savesThePipelineCacheAndLoadsItOnTheNextStart() throws Exception {
        Path dir = Files.createTempDirectory(cacheDir, "cache");
        VulkanOptions options = VulkanOptions.fromSystemProperties().withCacheDirectory(dir);
        try (VulkanDevice first = VulkanDevice.open(options)) {
            assertTrue(!first.pipelineCacheLoaded(), first.pipelineCacheState());
        }
        try (VulkanDevice second = VulkanDevice.open(options)) {
            assertTrue(Files.size(second.pipelineCacheFile()) > 0, "cache file written");
            assertTrue(second.pipelineCacheLoaded(), second.pipelineCacheState());
        }
    }
}
