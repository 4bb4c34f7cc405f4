package org.tsperf.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;

/**
 * Inputs an editor's folders hold besides camera files: each gets the right result or an error naming the file, and
 * nothing hangs or takes the JVM down (probing and decoding run in this JVM).
 */
class OddInputsTest {

    @TempDir
    static Path dir;
    static MediaProbe probe;
    static MediaDecoder decoder;

    @BeforeAll
    static void services() {
        probe = Lookup.getDefault().lookup(MediaProbe.class);
        decoder = Lookup.getDefault().lookup(MediaDecoder.class);
        assertNotNull(probe);
        assertNotNull(decoder);
    }

    @Test
    @Timeout(120)
    void aPathWithSpacesAndNonAsciiLettersReadsLikeAnyOther() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Rushes été 2026/日本 día"));
        Path clip = folder.resolve("plan séquence ñ #1.mp4");
        FfmpegMediaProbeTest.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", clip.toString());
        MediaInfo info = probe.probe(clip);
        assertEquals(25, info.mainVideo().orElseThrow().frameCount(), 1);
        try (FrameSource s = decoder.open(clip, DecodeOptions.background())) {
            DecodedFrame f = s.seek(12);
            assertEquals(12, f.index());
            f.close();
        }
    }

    @Test
    @Timeout(120)
    void aStillImageIsOneFrameOfVideo() throws Exception {
        Path png = dir.resolve("still.png");
        FfmpegMediaProbeTest.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360", "-frames:v", "1", png.toString());
        MediaInfo info = probe.probe(png);
        assertEquals(640, info.mainVideo().orElseThrow().width());
        try (FrameSource s = decoder.open(png, DecodeOptions.background())) {
            DecodedFrame first = s.next();
            assertNotNull(first, "the picture");
            assertEquals(640, first.picture().width());
            first.close();
        }
    }

    @Test
    @Timeout(120)
    void aHeaderClaiming16384SquareWithoutThePicturesIsRefusedByName() throws Exception {
        // a raw video header that announces 16384x16384 frames (384 MiB each) followed by a few bytes: the decoder
        // must not allocate for frames that are not there, nor hang waiting for them
        Path y4m = dir.resolve("huge.y4m");
        byte[] header = "YUV4MPEG2 W16384 H16384 F25:1 Ip A1:1 C420jpeg\nFRAME\n".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[header.length + 4096];
        System.arraycopy(header, 0, file, 0, header.length);
        Files.write(y4m, file);
        try { // @Timeout fails a hang
            MediaInfo info = probe.probe(y4m);
            try (FrameSource s = decoder.open(y4m, DecodeOptions.background())) {
                DecodedFrame f = s.next();
                assertTrue(f == null, "no whole 16384x16384 frame is in the file, yet one was decoded (" + info + ")");
            }
        } catch (MediaException e) {
            assertTrue(e.getMessage().contains("huge.y4m"), "the error names the file: " + e.getMessage());
        }
    }
}
