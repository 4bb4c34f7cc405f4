package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportService;

/**
 * Which way an export composites: on the YUV planes, in the sources' own matrix, when every picture allows (8- or
 * 10-bit 4:2:0 of one matrix and range, no gamma); else the whole export in RGBA (BT.709), also when the picture
 * that cannot be drafted comes part-way. The matrix the file is tagged with says which way was taken.
 */
class ExportPathTest {

    @TempDir
    static Path media;
    static Path a601;
    static Path b601;
    static Path b601TenBit;
    static Path b709;

    @TempDir
    Path out;

    @BeforeAll
    static void clips() throws Exception {
        a601 = clip("a601.mp4", "testsrc2", "libx264", "yuv420p", "smpte170m");
        b601 = clip("b601.mp4", "mandelbrot", "libx264", "yuv420p", "smpte170m");
        b601TenBit = clip("b601-10.mp4", "mandelbrot", "libx264", "yuv420p10le", "smpte170m");
        b709 = clip("b709.mp4", "mandelbrot", "libx264", "yuv420p", "bt709");
    }

    private static Path clip(String name, String source, String codec, String pixelFormat, String matrix)
            throws Exception {
        Path p = media.resolve(name);
        TestMedia.run(List.of("-f", "lavfi", "-i", source + "=size=320x240:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=1.2", "-c:a", "aac", "-ac", "2", "-t", "1.2",
                "-c:v", codec, "-preset", "ultrafast", "-crf", "12", "-pix_fmt", pixelFormat, "-colorspace", matrix,
                "-color_primaries", matrix.equals("bt709") ? "bt709" : "smpte170m", "-color_trc",
                matrix.equals("bt709") ? "bt709" : "smpte170m", p.toString()));
        return p;
    }

    @Test
    void sourcesOfOneMatrixAreExportedOnThePlanesInThatMatrix() throws Exception {
        assertOnThePlanesLikeTheFilterGraph(b601);
    }

    @Test
    void aTenBitSourceIsRoundedToEightBitsOnThePlanesAsTheFilterGraphDoes() throws Exception {
        assertOnThePlanesLikeTheFilterGraph(b601TenBit);
    }

    private void assertOnThePlanesLikeTheFilterGraph(Path second) throws Exception {
        Path file = export(second, "planes.mp4");
        assertEquals("smpte170m", video(file).colorSpace(), "composited on the planes, the sources' matrix kept");
        double ssim = TestMedia.ssim(file, ExportServiceTest.reference(a601, second, ExportFormat.H264,
                out.resolve("ref.mp4")));
        assertTrue(ssim > 0.95, "SSIM against the filter graph: " + ssim);
    }

    @Test
    void aClipOfAnotherMatrixMakesTheWholeExportInRgba() throws Exception {
        Path file = export(b709, "mixed.mp4");
        assertEquals("bt709", video(file).colorSpace(), "made in RGBA, converted to BT.709");
        assertEquals(45, video(file).frameCount());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(file), left.toList(), "only the output is left");
        }
    }

    private Path export(Path second, String name) throws Exception {
        Path file = out.resolve(name);
        ExportResult r = Lookup.getDefault().lookup(ExportService.class).export(ExportRequest.whole(
                ExportServiceTest.twoClips(a601, second), file, ExportFormat.H264), p -> { })
                .result().get(2, TimeUnit.MINUTES);
        assertEquals(45, r.frames());
        return file;
    }

    private static VideoStreamInfo video(Path file) throws Exception {
        return Lookup.getDefault().lookup(MediaProbe.class).probe(file).mainVideo().orElseThrow();
    }
}
