package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation.YuvMatrix;
import org.tsperf.api.gpu.FrameOperation.YuvRange;
import org.tsperf.api.media.VideoFormat;
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
    static final String VERSION = "preview-h264-intra-4";

    private static final Logger LOG = Logger.getLogger(ChunkEncoding.class.getName());

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

    /** A drafted chunk: I420 as composited, tagged with the pictures' own matrix and range, no conversion. */
    static List<String> draftArguments(int width, int height, FrameRate rate, VideoFormat format, Path out) {
        List<String> c = ExportCommands.rawPlanes(width, height, rate, format);
        c.addAll(List.of("-an", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "fastdecode", "-crf", "23",
                "-g", "1"));
        c.addAll(tags(format));
        c.addAll(List.of("-f", "mp4", out.toString()));
        return c;
    }

    /** ffmpeg's colour tags for pictures in {@code format}'s matrix and range. */
    static List<String> tags(VideoFormat format) {
        String matrix = format.matrix() == YuvMatrix.BT601 ? "smpte170m" : "bt709";
        return List.of("-colorspace", matrix, "-color_primaries", matrix, "-color_trc", matrix,
                "-color_range", format.range() == YuvRange.FULL ? "pc" : "tv");
    }

    /**
     * Renders the chunk's frames and encodes them; returns the file's bytes, or null when {@code keepGoing} said stop
     * (nothing is left behind either way). With {@code draft} (may be null) the chunk is composited on the YUV
     * planes when its pictures allow, else by {@code pictures} in RGBA.
     *
     * @param perFrame called after each frame (progress)
     */
    static byte[] render(TimelinePictures pictures, DraftPictures draft, PreviewChunk chunk, Path ffmpeg,
            PreviewFiles files, MediaProbe probe, BooleanSupplier keepGoing, Runnable perFrame)
            throws IOException, InterruptedException, MediaException {
        int w = pictures.width();
        int h = pictures.height();
        FrameRate rate = pictures.project().rate();
        Frame first = draft == null ? null : draft.render(chunk.start());
        if (first != null) {
            Frame[] pending = {first};
            boolean[] undraftable = {false};
            byte[] bytes = encode(chunk, ffmpeg, files, probe, keepGoing, draftArguments(w, h, rate,
                    draft.format().orElseThrow(), files.directory().resolve("unused")), (int) first.byteCount(), f -> {
                        Frame p = pending[0] != null ? pending[0] : draft.render(f);
                        pending[0] = null;
                        if (p == null) {
                            undraftable[0] = true;
                        } else {
                            perFrame.run();
                        }
                        return p;
                    });
            if (bytes != null || !undraftable[0]) {
                return bytes; // drafted whole, or stopped
            }
            LOG.log(Level.FINE, "preview chunk {0}: a picture cannot be drafted in YUV; made in RGBA instead",
                    chunk.index());
        }
        return encode(chunk, ffmpeg, files, probe, keepGoing, arguments(w, h, rate,
                files.directory().resolve("unused")), 4 * w * h, f -> {
                    Frame p = pictures.render(f);
                    perFrame.run();
                    return p;
                });
    }

    /** Makes a chunk's frame; null: this way cannot make it. */
    @FunctionalInterface
    private interface Maker {
        Frame make(long frame) throws MediaException;
    }

    /** Null when stopped or when {@code maker} could not make a frame (nothing left behind either way). */
    private static byte[] encode(PreviewChunk chunk, Path ffmpeg, PreviewFiles files, MediaProbe probe,
            BooleanSupplier keepGoing, List<String> argumentsWithPlaceholder, int frameBytes, Maker maker)
            throws IOException, InterruptedException, MediaException {
        Path out = files.encoderOutput();
        List<String> args = new java.util.ArrayList<>(argumentsWithPlaceholder);
        args.set(args.size() - 1, out.toString());
        try {
            try (ExportEncoder encoder = new ExportEncoder(ffmpeg, args, frameBytes)) {
                for (long f = chunk.start(); f < chunk.end(); f++) {
                    if (!keepGoing.getAsBoolean()) {
                        return null;
                    }
                    Frame frame = maker.make(f);
                    if (frame == null) {
                        return null;
                    }
                    encoder.write(frame);
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
    static void verify(Path file, PreviewChunk chunk, MediaProbe probe) throws IOException {
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
