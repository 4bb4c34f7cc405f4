package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyResult.Status;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;

/**
 * Proxies look like their source: SSIM (FFmpeg's ssim filter) of every proxy against a bicubic downscale of the
 * source to the proxy's size is at least {@value #MIN_SSIM}, on a generated clip and on the real camera clips in
 * {@code ../shared/media/real} beside the checkout (another folder with {@code -Dtsperf.test.realMedia=DIR}); each proxy also has
 * the source's frames within one and a keyframe at least every half second.
 */
class ProxyQualityTest {

    static final double MIN_SSIM = 0.95;
    private static final Logger LOG = Logger.getLogger(ProxyQualityTest.class.getName());
    private static final Pattern ALL = Pattern.compile("All:([0-9.]+)");

    @TempDir
    static Path media;
    static Path generated;
    static ProxyService service;
    static MediaProbe probe;

    @TempDir
    Path store;

    @BeforeAll
    static void makeClip() throws Exception {
        service = Lookup.getDefault().lookup(ProxyService.class);
        probe = Lookup.getDefault().lookup(MediaProbe.class);
        // wider than 1920 so that Quarter and Half are both made; moving detail and grain, as a camera gives
        generated = media.resolve("generated.mp4");
        ProxyServiceTest.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=2112x1188:rate=30:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-shortest",
                "-vf", "noise=alls=5:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12",
                "-pix_fmt", "yuv420p", "-c:a", "aac", generated.toString()));
    }

    /** {@code shared/media/real} beside the checkout (found from the module folder the test runs in). */
    static Path sharedRealMedia() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("modules")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && p.getParent() != null) {
                return p.getParent().resolve("shared").resolve("media").resolve("real");
            }
        }
        return Path.of("shared", "media", "real");
    }

    static Stream<Path> realClips() throws IOException {
        Path dir = Path.of(System.getProperty("tsperf.test.realMedia", sharedRealMedia().toString()));
        Assumptions.assumeTrue(Files.isDirectory(dir), "no real media in " + dir + " (-Dtsperf.test.realMedia=DIR)");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> clips = files.filter(f -> f.toString().endsWith(".mp4")).sorted().toList();
            Assumptions.assumeFalse(clips.isEmpty(), "no .mp4 files in " + dir);
            return clips.stream();
        }
    }

    @Test
    void generatedClipProxiesMatchAReferenceDownscale() throws Exception {
        List<ProxyFile> proxies = checkProxies(generated);
        assertEquals(List.of("half", "quarter"), proxies.stream().map(ProxyFile::resolution).toList());
    }

    @ParameterizedTest
    @MethodSource("realClips")
    void realClipProxiesMatchAReferenceDownscale(Path clip) throws Exception {
        assertTrue(!checkProxies(clip).isEmpty());
    }

    /** The measure can fail: a proxy compared with the wrong picture (its source upside down) scores low. */
    @Test
    void ssimOfAWrongPictureIsLow() throws Exception {
        ProxyResult r = service.generateNow(generated, ProxySettings.defaults(store)).result().join();
        assertEquals(Status.GENERATED, r.status(), r.error());
        ProxyFile quarter = r.proxies().stream().filter(p -> p.resolution().equals("quarter")).findFirst()
                .orElseThrow();
        double flipped = ssim(quarter.path(), generated, quarter.width(), quarter.height(), ",vflip");
        assertTrue(flipped < MIN_SSIM, "SSIM against the flipped source " + flipped);
    }

    /** Makes the default proxies of {@code source} and checks each: SSIM, frame count, keyframe interval. */
    private List<ProxyFile> checkProxies(Path source) throws Exception {
        ProxyResult r = service.generateNow(source, ProxySettings.defaults(store)).result().join();
        assertEquals(Status.GENERATED, r.status(), r.error());
        VideoStreamInfo src = probe.probe(source).mainVideo().orElseThrow();
        for (ProxyFile f : r.proxies()) {
            double s = ssim(f.path(), source, f.width(), f.height(), "");
            LOG.log(Level.INFO, "SSIM of the {0} proxy ({1}x{2}) of {3}: {4}", new Object[] {f.resolution(),
                f.width(), f.height(), source.getFileName(), String.format(Locale.ROOT, "%.4f", s)});
            assertTrue(s >= MIN_SSIM, String.format(Locale.ROOT, "SSIM of the %s proxy of %s: %.4f < %.2f",
                    f.resolution(), source.getFileName(), s, MIN_SSIM));
            VideoStreamInfo v = probe.probe(f.path()).mainVideo().orElseThrow();
            assertTrue(Math.abs(v.frameCount() - src.frameCount()) <= 1, f.resolution() + " proxy of "
                    + source.getFileName() + ": " + v.frameCount() + " frames, the source " + src.frameCount());
            double gap = ProxyServiceTest.maxKeyframeGap(f.path());
            assertTrue(gap <= ProxyStrategy.KEYFRAME_SECONDS + 1e-6, f.resolution() + " proxy of " + source.getFileName()
                    + ": largest keyframe gap " + gap + " s");
        }
        return r.proxies();
    }

    /**
     * SSIM ("All", luma and chroma) of {@code proxy} against {@code source} scaled to {@code w x h} with bicubic
     * filtering, by FFmpeg's ssim filter; {@code extra} is appended to the reference's filter chain.
     */
    static double ssim(Path proxy, Path source, int w, int h, String extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-hide_banner",
                "-nostdin", "-nostats", "-i", proxy.toString(), "-i", source.toString(), "-lavfi",
                "[1:v]scale=" + w + ":" + h + ":flags=bicubic,format=yuv420p" + extra + "[ref];[0:v][ref]ssim",
                "-f", "null", "-"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, cmd + " failed: " + out);
        Matcher m = ALL.matcher(out);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        assertTrue(!Double.isNaN(last), "no SSIM in the output of " + cmd + ": " + out);
        return last;
    }
}
