package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.TimelinePictures;

/**
 * A preview chunk as a small file: its pictures piped to ffmpeg as all-intra H.264 (every frame a keyframe, so playback
 * can start on any frame) in an MP4, read back whole as one cache entry. A preview is a draft: {@code ultrafast} with
 * {@code fastdecode} (no deblocking, cheap to play back) at CRF 23, and the plainest RGBA to YUV conversion, cost
 * about half of the CRF 18 encode with an accurate bicubic conversion it replaced (measured at 1920x1080 with the
 * ffmpeg command line: 25 against 40 ms of CPU a frame); about 1/100 of the raw frames' size.
 */
final class ChunkEncoding {

    /** Changes whenever the stored files would differ; part of every chunk's fingerprint. */
    static final String VERSION = "preview-h264-intra-2";

    private ChunkEncoding() {
    }

    /** The cache key of a chunk's file: by its fingerprint (an undo or a restart finds it) and its length. */
    static CacheKey key(PreviewChunk chunk) {
        return CacheKey.preview("chunk", (int) (chunk.end() - chunk.start()), chunk.fingerprint());
    }

    static List<String> arguments(int width, int height, FrameRate rate, Path out) {
        return List.of("-hide_banner", "-nostdin", "-v", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "rgba", "-s", width + "x" + height, "-framerate", rate.toString(),
                "-i", "pipe:0", "-an",
                "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=fast_bilinear,format=yuv420p",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "fastdecode", "-crf", "23", "-g", "1",
                "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
                "-f", "mp4", out.toString());
    }

    /**
     * Renders the chunk's frames and encodes them; returns the file's bytes, or null when {@code keepGoing} said stop
     * (nothing is left behind either way).
     *
     * @param perFrame called after each frame (progress)
     */
    static byte[] render(TimelinePictures pictures, PreviewChunk chunk, Path ffmpeg, PreviewFiles files,
            MediaProbe probe, BooleanSupplier keepGoing, Runnable perFrame)
            throws IOException, InterruptedException, MediaException {
        Path out = files.encoderOutput();
        try {
            try (ExportEncoder encoder = new ExportEncoder(ffmpeg, arguments(pictures.width(), pictures.height(),
                    pictures.project().rate(), out), 4 * pictures.width() * pictures.height())) {
                for (long f = chunk.start(); f < chunk.end(); f++) {
                    if (!keepGoing.getAsBoolean()) {
                        return null;
                    }
                    encoder.write(pictures.render(f));
                    perFrame.run();
                }
                encoder.finish();
            }
            verify(out, chunk, probe);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Every frame of the chunk is in the file: only whole chunks are ever stored. */
    private static void verify(Path file, PreviewChunk chunk, MediaProbe probe) throws IOException {
        long want = chunk.end() - chunk.start();
        VideoStreamInfo v;
        try {
            v = probe.probe(file).mainVideo().orElseThrow(() -> new IOException(
                    "ffmpeg wrote a preview chunk with no video stream"));
        } catch (MediaException ex) {
            throw new IOException("the rendered preview chunk could not be read back: " + ex.getMessage(), ex);
        }
        if (v.frameCount() != want) {
            throw new IOException(String.format(Locale.ROOT, "the rendered preview chunk %d (frames %d-%d) has %d"
                    + " frames, not %d", chunk.index(), chunk.start(), chunk.end(), v.frameCount(), want));
        }
    }
}
