package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;

/**
 * Reads a written file back before it is trusted: it opens, has a video stream, every frame and the duration of its
 * frames. Used on an export before it gets its name, on a segment before it does, and on each segment before a join.
 */
final class ExportCheck {

    /** A file read back: its container and its video stream. */
    record Probed(Path file, MediaInfo info, VideoStreamInfo video) {

        /** The video stream's duration, or the container's where the stream does not say. */
        double durationSeconds() {
            return video.durationSeconds() > 0 ? video.durationSeconds() : info.durationSeconds();
        }

        /** The frames the container announces, or {@code fallback} where it does not say. */
        long frames(long fallback) {
            return video.frameCount() > 0 ? video.frameCount() : fallback;
        }
    }

    private ExportCheck() {
    }

    /**
     * Probes {@code file}.
     *
     * @param what names the file in messages ("the exported file", "segment file /x/s2.mp4")
     */
    static Probed read(MediaProbe probe, Path file, String what) throws IOException {
        MediaInfo info;
        try {
            info = probe.probe(file);
        } catch (MediaException ex) {
            throw new IOException(what + " could not be read back: " + ex.getMessage(), ex);
        }
        VideoStreamInfo v = info.mainVideo().orElseThrow(() -> new IOException(what
                + " has no video stream; ffmpeg wrote something unexpected"));
        return new Probed(file, info, v);
    }

    /**
     * The file has {@code frames} frames (where the container says) and lasts as long as they do, within a frame.
     *
     * @param which says which frames were expected, after their number: "rendered", "of timeline frames 60-100"
     * @return the frames in the file
     */
    static long frames(Probed p, String what, long frames, String which, double fps) throws IOException {
        VideoStreamInfo v = p.video();
        if (v.frameCount() > 0 && v.frameCount() != frames) {
            throw new IOException(String.format(Locale.ROOT, "%s has %d frames, not the %d %s", what,
                    v.frameCount(), frames, which));
        }
        double duration = p.durationSeconds();
        if (Math.abs(duration - frames / fps) > 1 / fps + 1e-3) {
            throw new IOException(String.format(Locale.ROOT, "%s lasts %.3f s, not the %.3f s of its %d frames",
                    what, duration, frames / fps, frames));
        }
        return p.frames(frames);
    }
}
