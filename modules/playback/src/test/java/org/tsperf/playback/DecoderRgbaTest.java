package org.tsperf.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.YuvMatrix;
import org.tsperf.api.gpu.FrameOperation.YuvRange;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.memory.Priority;

/**
 * The decoder's own RGBA pictures ({@link FrameSource#deliverRgba}: swscale scaling and converting in one pass, what
 * playback uses when the video processor converts on the CPU) against the engine's CPU reference conversion
 * ({@code ConvertToRgba} on {@link ProcessingPath#CPU}) of the same decoded frames, and against the ffmpeg command
 * line's RGBA output ({@code -pix_fmt rgba -f rawvideo}), frame by frame, for BT.601 and BT.709, limited and full
 * range, 8 and 10 bit. Tolerances per channel (R, G, B; alpha must be 255): the largest absolute difference and the
 * mean over the picture.
 */
class DecoderRgbaTest {

    /** The bundled ffmpeg: the same libraries the decoder runs on. */
    static final String FFMPEG = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    static final DecodeOptions OPTIONS = new DecodeOptions(2, false, Priority.NORMAL);
    /** A test pattern with a slow hue sweep: saturated edges and smooth gradients, every frame different. */
    static final String PATTERN = "testsrc2=size=%s:rate=25:duration=0.48,hue=H=t*2";

    /*
     * At the coded size both convert the same 4:2:0 samples, swscale in fixed point and the reference in float.
     * 8-bit sources go through swscale's unscaled SIMD converter, which takes chroma as the reference does (nearest):
     * at most 3 code values apart, about 1 on average (measured: largest 3, mean 0.14-1.10). 10-bit ones go through
     * its scaler, which interpolates chroma between rows: sharp colour edges of the test pattern differ a lot, the
     * rest by a code value (measured: largest 77-83, mean 1.13-1.14, 2.9-3.0 % of samples more than 8 apart).
     * Checked to fail: the range given to swscale the wrong way round fails 13 of the 14 picture tests (limited
     * sources: mean 14-15 code values; full ones: largest 18-20, 10-bit: mean 1.49 and 5.1 % more than 8 apart), and
     * the command line comparison, which must be exact, catches any colour setting it does not share.
     */
    static final Tolerance EIGHT_BIT = new Tolerance(3, 1.5, 3, 0);
    static final Tolerance TEN_BIT = new Tolerance(128, 1.3, 8, 0.035);
    /**
     * Scaled 640x360 to 320x180: chroma scaled to 160x180 in one swscale pass, against 160x90 taken nearest by the
     * reference; edges again (measured: largest 136-187, mean 1.60-1.87, 2.0-2.1 % more than 16 apart).
     */
    static final Tolerance SCALED = new Tolerance(255, 2.5, 16, 0.03);
    /** Against ffmpeg's own RGBA (the same swscale, set up by its filter graph from the stream's tags): exact. */
    static final Tolerance CLI = new Tolerance(0, 0, 0, 0);

    /**
     * @param max      the largest difference of a channel sample
     * @param mean     the largest mean difference over the picture's samples
     * @param near     a difference up to which a sample counts as near
     * @param farShare the share of samples allowed further apart than {@code near}
     */
    record Tolerance(int max, double mean, int near, double farShare) {
    }

    @TempDir
    static Path dir;
    static MediaDecoder decoder;
    static VideoProcessor processor;

    record Clip(String name, YuvMatrix matrix, YuvRange range, boolean deep, String... encode) {
        Path file() {
            return dir.resolve(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Clip> CLIPS = List.of(
            new Clip("bt709-limited.mp4", YuvMatrix.BT709, YuvRange.LIMITED, false, "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc",
                    "bt709", "-color_range", "tv"),
            new Clip("bt601-limited.mp4", YuvMatrix.BT601, YuvRange.LIMITED, false, "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", "-colorspace", "smpte170m", "-color_range", "tv"),
            new Clip("bt709-full.mp4", YuvMatrix.BT709, YuvRange.FULL, false, "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_range", "pc"),
            new Clip("bt601-full.mp4", YuvMatrix.BT601, YuvRange.FULL, false, "-c:v", "libx264",
                    "-pix_fmt", "yuvj420p", "-colorspace", "bt470bg", "-color_range", "pc"),
            new Clip("hevc10-bt709-limited.mkv", YuvMatrix.BT709, YuvRange.LIMITED, true, "-c:v", "libx265",
                    "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le", "-colorspace", "bt709",
                    "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"),
            new Clip("hevc10-bt601-full.mkv", YuvMatrix.BT601, YuvRange.FULL, true, "-c:v", "libx265",
                    "-x265-params", "log-level=error", "-pix_fmt", "yuv420p10le", "-colorspace", "smpte170m",
                    "-color_range", "pc"));

    static Stream<Clip> clips() {
        return CLIPS.stream();
    }

    @BeforeAll
    static void makeClips() throws Exception {
        decoder = Lookup.getDefault().lookup(MediaDecoder.class);
        assertNotNull(decoder, "the media module's decoder is not in Lookup");
        processor = Lookup.getDefault().lookup(VideoProcessor.class);
        assertNotNull(processor, "the GPU module's video processor is not in Lookup");
        for (Clip c : CLIPS) {
            List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", String.format(Locale.ROOT, PATTERN,
                    "320x240")));
            args.addAll(List.of(c.encode()));
            args.add(c.file().toString());
            ffmpeg(args);
        }
        ffmpeg(List.of("-f", "lavfi", "-i", String.format(Locale.ROOT, PATTERN, "640x360"), "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_range", "tv",
                dir.resolve("bt709-640x360.mp4").toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void rgbaMatchesTheCpuReferenceOfTheSameFrames(Clip clip) throws Exception {
        try (FrameSource yuv = decoder.open(clip.file(), OPTIONS); FrameSource rgba = decoder.open(clip.file(),
                OPTIONS)) {
            assertEquals(clip.matrix(), yuv.format().matrix(), clip + ": the stream's matrix");
            assertEquals(clip.range(), yuv.format().range(), clip + ": the stream's range");
            assertTrue(rgba.deliverRgba(true));
            compareAll(clip.toString(), yuv, rgba, clip.deep() ? TEN_BIT : EIGHT_BIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void rgbaMatchesTheCommandLinesRgba(Clip clip) throws Exception {
        try (FrameSource rgba = decoder.open(clip.file(), OPTIONS)) {
            rgba.deliverRgba(true);
            int w = rgba.format().width();
            int h = rgba.format().height();
            int bytes = w * h * 4;
            byte[] all = ffmpegOut(List.of("-i", clip.file().toString(), "-map", "0:v:0", "-fps_mode", "passthrough",
                    "-f", "rawvideo", "-pix_fmt", "rgba", "-"));
            long count = rgba.format().frameCount();
            assertEquals(count * bytes, all.length, clip + ": ffmpeg's frames");
            for (int n = 0; n < count; n++) {
                try (DecodedFrame f = rgba.next()) {
                    assertNotNull(f, clip + ": frame " + n);
                    byte[] ours = bytes(f.picture(), w, h);
                    byte[] theirs = new byte[bytes];
                    System.arraycopy(all, n * bytes, theirs, 0, bytes);
                    assertClose(clip + " frame " + n + " against ffmpeg -pix_fmt rgba", theirs, ours, CLI);
                }
            }
            assertNull(rgba.next());
        }
    }

    /** Playback's case: a larger picture shown smaller, scaled in YUV and converted, or both in one swscale pass. */
    @Test
    void scaledRgbaMatchesTheScaledYuvConverted() throws Exception {
        Path clip = dir.resolve("bt709-640x360.mp4");
        try (FrameSource yuv = decoder.open(clip, OPTIONS); FrameSource rgba = decoder.open(clip, OPTIONS)) {
            yuv.scaleTo(320, 180);
            rgba.scaleTo(320, 180);
            rgba.deliverRgba(true);
            compareAll(clip.getFileName() + " at 320x180", yuv, rgba, SCALED);
        }
    }

    @Test
    void seeksDeliverTheSameRgbaAndYuvComesBack() throws Exception {
        Clip clip = CLIPS.get(0);
        try (FrameSource s = decoder.open(clip.file(), OPTIONS)) {
            assertTrue(s.deliverRgba(true));
            List<byte[]> inOrder = new ArrayList<>();
            for (DecodedFrame next = s.next(); next != null; next = s.next()) {
                try (DecodedFrame f = next) {
                    assertEquals(PixelFormat.RGBA8, f.picture().format());
                    inOrder.add(bytes(f.picture(), 320, 240));
                }
            }
            for (int n : new int[] {7, 2, 11, 0, 5}) {
                try (DecodedFrame f = s.seek(n)) {
                    assertTrue(java.util.Arrays.equals(inOrder.get(n), bytes(f.picture(), 320, 240)),
                            "frame " + n + " by seek differs from frame " + n + " read in order");
                }
            }
            assertEquals(PixelFormat.I420, s.format().pixelFormat(), "the stream's own format stays");
            assertTrue(s.deliverRgba(false));
            try (DecodedFrame f = s.seek(3)) {
                assertEquals(PixelFormat.I420, f.picture().format());
            }
        }
    }

    private static void compareAll(String what, FrameSource yuv, FrameSource rgba, Tolerance t)
            throws Exception {
        int n = 0;
        for (;; n++) {
            DecodedFrame next = yuv.next();
            if (next == null) {
                break;
            }
            try (DecodedFrame a = next; DecodedFrame b = rgba.next()) {
                assertNotNull(b, what + ": the RGBA source ends before frame " + n);
                Frame p = a.picture();
                assertEquals(PixelFormat.RGBA8, b.picture().format(), what + " frame " + n);
                assertEquals(p.width(), b.picture().width());
                assertEquals(p.height(), b.picture().height());
                ByteBuffer target = ByteBuffer.allocateDirect(p.width() * p.height() * 4);
                processor.process(p, List.of(new ConvertToRgba(yuv.format().matrix(), yuv.format().range())),
                        target, ProcessingPath.CPU);
                byte[] reference = new byte[target.capacity()];
                target.get(0, reference);
                assertClose(what + " frame " + n + " against the CPU reference", reference,
                        bytes(b.picture(), p.width(), p.height()), t);
            }
        }
        assertTrue(n >= 10, what + ": only " + n + " frames");
        assertNull(rgba.next(), what + ": the RGBA source has more frames");
    }

    private static byte[] bytes(Frame f, int w, int h) {
        assertEquals(PixelFormat.RGBA8, f.format());
        assertEquals(w, f.width());
        assertEquals(h, f.height());
        byte[] b = new byte[w * h * 4];
        f.data().get(0, b);
        return b;
    }

    /**
     * Every alpha 255; per colour channel sample the largest difference at most {@code t.max}, the mean at most
     * {@code t.mean}, and at most a share {@code t.farShare} of samples more than {@code t.near} apart.
     */
    static void assertClose(String what, byte[] expected, byte[] actual, Tolerance t) {
        assertEquals(expected.length, actual.length, what + ": sizes");
        long sum = 0;
        long far = 0;
        int largest = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            if (i % 4 == 3) {
                assertEquals(-1, actual[i], what + ": alpha at pixel " + i / 4);
                continue;
            }
            int d = Math.abs((expected[i] & 0xFF) - (actual[i] & 0xFF));
            sum += d;
            if (d > t.near()) {
                far++;
            }
            if (d > largest) {
                largest = d;
                at = i;
            }
        }
        double samples = expected.length * 0.75;
        double m = sum / samples;
        double share = far / samples;
        String figures = String.format(Locale.ROOT, "%s: largest difference %d (pixel %d, channel %d), mean %.3f,"
                + " %.4f%% more than %d apart", what, largest, at / 4, at % 4, m, 100 * share, t.near());
        System.out.println(figures);
        assertTrue(largest <= t.max() && m <= t.mean() && share <= t.farShare(), figures + "; allowed: " + t);
    }

    private static void ffmpeg(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("-y"));
        cmd.addAll(args);
        ffmpegOut(cmd);
    }

    private static byte[] ffmpegOut(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-v", "error", "-nostdin"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ffmpeg timed out: " + cmd);
        assertEquals(0, p.exitValue(), "ffmpeg failed: " + cmd + "\n" + new String(err.join()));
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException("cannot read ffmpeg's output", ex);
        }
    }
}
