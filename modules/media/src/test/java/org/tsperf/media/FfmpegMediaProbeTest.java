package org.tsperf.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;

class FfmpegMediaProbeTest {

    @TempDir
    static Path dir;
    static Path clip;
    static Path rotated;
    static MediaProbe probe;

    @BeforeAll
    static void makeClips() throws Exception {
        probe = Lookup.getDefault().lookup(MediaProbe.class);
        clip = dir.resolve("clip.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi",
                "-i", "sine=frequency=440:sample_rate=48000:duration=2", "-c:v", "libx264", "-profile:v", "high",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip.toString());
        rotated = dir.resolve("rotated.mp4");
        ffmpeg("-display_rotation", "90", "-i", clip.toString(), "-c", "copy", rotated.toString());
    }

    static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed: " + out);
    }

    @Test
    void readsContainerVideoAndAudio() throws Exception {
        MediaInfo info = probe.probe(clip);
        assertTrue(info.container().contains("mp4"), info.container());
        assertEquals(2.0, info.durationSeconds(), 0.1);
        VideoStreamInfo v = info.mainVideo().orElseThrow();
        assertEquals("h264", v.codec());
        assertEquals("High", v.profile());
        assertEquals(320, v.width());
        assertEquals(240, v.height());
        assertEquals("yuv420p", v.pixelFormat());
        assertEquals(8, v.bitDepth());
        assertEquals(25.0, v.frameRate(), 0.01);
        assertFalse(v.variableFrameRate());
        assertEquals(50, v.frameCount());
        assertEquals(0, v.rotation());
        assertEquals(1, info.audio().size());
        assertEquals("aac", info.audio().get(0).codec());
        assertEquals(48000, info.audio().get(0).sampleRate());
    }

    @Test
    void readsRotation() throws Exception {
        VideoStreamInfo v = probe.probe(rotated).mainVideo().orElseThrow();
        assertTrue(v.rotation() == 90 || v.rotation() == 270, "rotation " + v.rotation());
        assertEquals(240, v.displayWidth());
        assertEquals(320, v.displayHeight());
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

    @Test
    void realCameraFiles() throws Exception {
        Path real = sharedRealMedia().resolve("car-detection.mp4");
        if (Files.exists(real)) {
            VideoStreamInfo v = probe.probe(real).mainVideo().orElseThrow();
            assertTrue(v.width() > 0 && v.frameCount() > 0 && v.frameRate() > 0, v.toString());
        }
    }

    @Test
    void badFilesSayWhatIsWrong() throws Exception {
        assertEquals(MediaException.Problem.MISSING,
                assertThrows(MediaException.class, () -> probe.probe(dir.resolve("nope.mp4"))).problem());
        Path zero = Files.createFile(dir.resolve("zero.mp4"));
        MediaException empty = assertThrows(MediaException.class, () -> probe.probe(zero));
        assertEquals(MediaException.Problem.EMPTY, empty.problem());
        assertTrue(empty.getMessage().contains("0 bytes"), empty.getMessage());
        byte[] noise = new byte[200_000];
        new Random(1).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.mp4"), noise);
        assertEquals(MediaException.Problem.NOT_MEDIA,
                assertThrows(MediaException.class, () -> probe.probe(random)).problem());
    }
}
