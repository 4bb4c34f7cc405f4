package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;

class ProxyStrategyTest {

    static final long PLENTY = 500L * 1000 * 1000 * 1000;
    static final HardwareEncoders.Verdict NONE = HardwareEncoders.Verdict.none("no hardware H.264 encoder works here");
    static final ProxySettings DEFAULTS = ProxySettings.defaults(Path.of("/tmp/store"));

    static VideoStreamInfo video(int w, int h, int rotation) {
        return new VideoStreamInfo(0, "h264", "High", w, h, "yuv420p", 8, 29.97, false, rotation, "", "", 300, 10,
                false);
    }

    static String sizes(ProxyPlan p) {
        return p.targets().stream().map(t -> t.resolution().name() + "=" + t.width() + "x" + t.height())
                .reduce((a, b) -> a + "," + b).orElse("");
    }

    @Test
    void fourKGetsHalfAndQuarterEvenAndInTheirBoxes() {
        assertEquals("half=1920x1080,quarter=960x540", sizes(ProxyStrategy.plan(video(3840, 2160, 0), 10, DEFAULTS,
                PLENTY, NONE)));
        assertEquals("half=1920x1080,quarter=960x540", sizes(ProxyStrategy.plan(video(7680, 4320, 0), 10, DEFAULTS,
                PLENTY, NONE)));
        // DCI 4K: aspect kept, sizes even
        assertEquals("half=1920x1012,quarter=960x506", sizes(ProxyStrategy.plan(video(4096, 2160, 0), 10, DEFAULTS,
                PLENTY, NONE)));
    }

    @Test
    void skipsQuarterForSourcesUpTo1920WideAndSaysWhy() {
        ProxyPlan p = ProxyStrategy.plan(video(1920, 1080, 0), 10, DEFAULTS, PLENTY, NONE);
        assertEquals("half=960x540", sizes(p));
        assertTrue(p.reasons().stream().anyMatch(r -> r.startsWith("Quarter skipped") && r.contains("1920")),
                p.reasons().toString());
        assertEquals("half=962x542,quarter=480x270",
                sizes(ProxyStrategy.plan(video(1922, 1082, 0), 10, DEFAULTS, PLENTY, NONE)),
                "just over 1920 wide: Quarter is made");
    }

    @Test
    void rotatedSourcesArePlannedAsDisplayed() {
        assertEquals("half=608x1080,quarter=304x540",
                sizes(ProxyStrategy.plan(video(3840, 2160, 90), 10, DEFAULTS, PLENTY, NONE)));
    }

    @Test
    void neverMakesAProxyThatIsNotSmaller() {
        ProxySettings full = new ProxySettings(List.of(new ProxyResolution("full", 1.0, 1920, 1080, "test")),
                ProxyFormat.H264, ProxyQuality.MEDIUM, Path.of("/tmp/store"));
        ProxyPlan p = ProxyStrategy.plan(video(1280, 720, 0), 10, full, PLENTY, NONE);
        assertTrue(p.targets().isEmpty());
        assertTrue(p.reasons().stream().anyMatch(r -> r.contains("would not be smaller")), p.reasons().toString());
    }

    @Test
    void lowSpaceMeansMediumQualityOnly() {
        ProxySettings high = new ProxySettings(ProxyResolution.BUILT_IN, ProxyFormat.H264, ProxyQuality.HIGH,
                Path.of("/tmp/store"));
        ProxyPlan low = ProxyStrategy.plan(video(3840, 2160, 0), 10, high, 9_000_000_000L, NONE);
        assertEquals(ProxyQuality.MEDIUM, low.quality());
        assertTrue(low.reasons().stream().anyMatch(r -> r.contains("has 8.38 GiB free (< 10.00 GiB)")), low.reasons().toString());
        assertEquals(ProxyQuality.HIGH, ProxyStrategy.plan(video(3840, 2160, 0), 10, high, PLENTY, NONE).quality());
    }

    @Test
    void hardwareEncoderOnlyWhenVerifiedAndTheSourceIsLong() {
        HardwareEncoders.Verdict nvenc = new HardwareEncoders.Verdict(Optional.of("h264_nvenc"), "ok");
        assertEquals("h264_nvenc", ProxyStrategy.plan(video(3840, 2160, 0), 301, DEFAULTS, PLENTY, nvenc).encoder());
        ProxyPlan shortClip = ProxyStrategy.plan(video(3840, 2160, 0), 300, DEFAULTS, PLENTY, nvenc);
        assertEquals("libx264", shortClip.encoder());
        assertTrue(shortClip.reasons().stream().anyMatch(r -> r.contains("only 300.0 s long")),
                shortClip.reasons().toString());
        ProxyPlan none = ProxyStrategy.plan(video(3840, 2160, 0), 1000, DEFAULTS, PLENTY, NONE);
        assertEquals("libx264", none.encoder());
        assertTrue(none.reasons().stream().anyMatch(r -> r.contains("no hardware H.264 encoder works")));
    }

    @Test
    void keyframeAtLeastEveryHalfSecond() {
        assertEquals(14, ProxyStrategy.gop(29.97));
        assertEquals(12, ProxyStrategy.gop(25));
        assertEquals(15, ProxyStrategy.gop(30.0000001));
        assertEquals(15, ProxyStrategy.gop(29.9999999));
        assertEquals(29, ProxyStrategy.gop(59.94));
        assertEquals(30, ProxyStrategy.gop(60));
        assertEquals(6, ProxyStrategy.gop(12.5));
        assertEquals(1, ProxyStrategy.gop(0.5));
        for (double fps : new double[] {12.5, 23.976, 24, 25, 29.97, 179 / 6.0, 30, 50, 59.94, 60, 119.88}) {
            assertTrue(ProxyStrategy.gop(fps) / fps <= 0.5, fps + " fps: " + ProxyStrategy.gop(fps) + " frames");
        }
    }

    @Test
    void hardwareVerificationEncodesATestFrame() throws Exception {
        String ffmpeg = FfmpegProxyEncoder.executable();
        HardwareEncoders.Verdict v = HardwareEncoders.verify(ffmpeg);
        // the verdict against ffmpeg itself, encoder by encoder: the first that encodes a frame is the one chosen
        String works = null;
        for (String candidate : HardwareEncoders.CANDIDATES) {
            if (encodesAFrame(ffmpeg, candidate)) {
                works = candidate;
                break;
            }
        }
        assertEquals(java.util.Optional.ofNullable(works), v.encoder(), v.explanation());
        if (works == null) {
            for (String candidate : HardwareEncoders.CANDIDATES) {
                assertTrue(v.explanation().contains(candidate), v.explanation());
            }
        } else {
            assertTrue(v.explanation().startsWith(works), v.explanation());
        }
    }

    private static boolean encodesAFrame(String ffmpeg, String encoder) throws Exception {
        Process p = new ProcessBuilder(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=s=320x240:r=25:d=0.04", "-frames:v", "1", "-c:v", encoder, "-f", "null", "-")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
