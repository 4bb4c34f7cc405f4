package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;

/**
 * {@code tsperf frame} in-process on the real decoder, GPU processor (its CPU reference on lavapipe) and proxy engine,
 * against the bundled ffmpeg's own upright frame. The RGB conversions differ slightly (swscale's vs the processor's
 * chroma upsampling and rounding), so a frame counts as the right one when it is much closer to ffmpeg's frame N
 * than to its neighbours N-1 and N+1.
 */
class FrameCommandTest {

    @TempDir
    static Path dir;
    static Path rotated;
    static Path plain;
    static final String FFMPEG = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);

    @TempDir
    Path pngs;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void makeClips() throws Exception {
        plain = dir.resolve("plain.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2,noise=alls=12:allf=t+u", "-c:v",
                "libx264", "-preset", "veryfast", "-g", "48", "-bf", "3", "-pix_fmt", "yuv420p", plain.toString());
        rotated = dir.resolve("rotated.mp4");
        ffmpeg("-display_rotation", "90", "-i", plain.toString(), "-c", "copy", rotated.toString());
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesTheExactFrameUprightAsPng() throws Exception {
        Path png = pngs.resolve("f30.png");
        assertEquals(0, run("frame", rotated.toString(), "--index", "30", "--out", png.toString()), err.toString());
        assertTrue(out.toString().startsWith("frame 30 at 1.200000 s from the original " + rotated), out.toString());
        assertTrue(out.toString().contains("decoder h264, software"), out.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(240, image.getWidth(), "turned upright");
        assertEquals(320, image.getHeight());
        assertClosestTo(30, image, rotated, "", 3);
        assertEquals(List.of("f30.png"), listing(pngs), "no temp files left");
    }

    @Test
    void timeAndWidthPickAndScaleTheFrame() throws Exception {
        Path png = pngs.resolve("t.png");
        assertEquals(0, run("frame", plain.toString(), "--time", "00:00:01.230", "--width", "160", "--out",
                png.toString()), err.toString());
        assertTrue(out.toString().startsWith("frame 30 at 1.200000 s"), "1.23 s shows frame 30: " + out);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(160, image.getWidth());
        assertEquals(120, image.getHeight());
        assertClosestTo(30, image, plain, ",scale=160:120:flags=bicubic", 6);
    }

    @Test
    void proxyAutoReadsAReadyProxyAtTheSameInstant() throws Exception {
        Path store = dir.resolve("store");
        ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
        ProxySettings settings = new ProxySettings(List.of(ProxyResolution.HALF), ProxyFormat.H264,
                ProxyQuality.MEDIUM, store);
        assertTrue(proxies.generateNow(plain, settings).result().get(120, TimeUnit.SECONDS).status().ok());
        Path png = pngs.resolve("p.png");
        assertEquals(0, run("frame", plain.toString(), "--index", "20", "--width", "160", "--proxy", "auto",
                "--store", store.toString(), "--out", png.toString()), err.toString());
        assertTrue(out.toString().startsWith("frame 20 at 0.800000 s from the proxy half " + store), out.toString());
        assertClosestTo(20, ImageIO.read(png.toFile()), plain, ",scale=160:120:flags=bicubic", 6);
        out.getBuffer().setLength(0);
        // wider than any proxy: the original is read
        assertEquals(0, run("frame", plain.toString(), "--index", "20", "--proxy", "auto", "--store",
                store.toString(), "--out", png.toString()), err.toString());
        assertTrue(out.toString().contains("from the original"), out.toString());
    }

    @Test
    void badInputFailsAndBadUsageSaysHow() throws Exception {
        Path png = pngs.resolve("bad.png");
        assertEquals(Main.FAILURE, run("frame", dir.resolve("none.mp4").toString(), "--index", "0", "--out",
                png.toString()));
        assertTrue(err.toString().contains("none.mp4: no such file"), err.toString());
        assertEquals(Main.FAILURE, run("frame", plain.toString(), "--index", "50", "--out", png.toString()));
        assertTrue(err.toString().contains("frame 50 is outside plain.mp4 (0-49)"), err.toString());
        assertFalse(Files.exists(png));
        assertEquals(Main.USAGE, run("frame", plain.toString(), "--index", "1", "--time", "1", "--out",
                png.toString()));
        assertEquals(Main.USAGE, run("frame", plain.toString(), "--out", png.toString()));
        assertEquals(Main.USAGE, run("frame", plain.toString(), "--time", "1:75", "--out", png.toString()));
        assertTrue(err.toString().contains("--time must be seconds (e.g. 12.5) or HH:MM:SS.mmm"), err.toString());
        assertEquals(Main.USAGE, run("frame", plain.toString(), "--index", "1", "--out", "x.jpg"));
        assertEquals(Main.USAGE, run("frame", plain.toString(), "--index", "1", "--width", "0", "--out",
                png.toString()));
    }

    @Test
    void timesParseAsSecondsOrClockTime() {
        assertEquals(12_500_000, FrameTime.parseMicros("12.5"));
        assertEquals(62_500_000, FrameTime.parseMicros("00:01:02.500"));
        assertEquals(3_723_001_000L, FrameTime.parseMicros("1:02:03.001"));
        assertEquals(90_000_000, FrameTime.parseMicros("1:30"));
    }

    /**
     * Mean difference to ffmpeg's frame n is small (scaled frames differ more: the processor's bicubic widens its
     * kernel when shrinking, swscale's does not), and far below that to frames n-1 and n+1.
     */
    private static void assertClosestTo(int n, BufferedImage image, Path clip, String filters, double limit)
            throws Exception {
        double here = meanDifference(image, reference(clip, n, filters, image));
        double before = meanDifference(image, reference(clip, n - 1, filters, image));
        double after = meanDifference(image, reference(clip, n + 1, filters, image));
        assertTrue(here < limit, "frame " + n + " differs from ffmpeg's by " + here + " on average");
        // scaling averages the moving noise away, so neighbours come closer in scaled frames
        double margin = limit > 3 ? 1.6 : 3;
        assertTrue(here * margin < Math.min(before, after), "closer to a neighbour: " + here + " vs " + before + " / "
                + after);
    }

    /** ffmpeg's frame n, turned upright by ffmpeg's own autorotate, as RGB24. */
    private static byte[] reference(Path clip, int n, String filters, BufferedImage like) throws Exception {
        byte[] rgb = ffmpeg("-i", clip.toString(), "-vf", "select=eq(n\\," + n + ")" + filters, "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        assertEquals(like.getWidth() * like.getHeight() * 3, rgb.length, "ffmpeg's frame size");
        return rgb;
    }

    private static double meanDifference(BufferedImage image, byte[] rgb) {
        long total = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int i = (y * image.getWidth() + x) * 3;
                total += Math.abs((p >> 16 & 0xff) - (rgb[i] & 0xff)) + Math.abs((p >> 8 & 0xff) - (rgb[i + 1] & 0xff))
                        + Math.abs((p & 0xff) - (rgb[i + 2] & 0xff));
            }
        }
        return total / (3.0 * image.getWidth() * image.getHeight());
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        p.getInputStream().transferTo(b);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed: " + cmd);
        return b.toByteArray();
    }
}
