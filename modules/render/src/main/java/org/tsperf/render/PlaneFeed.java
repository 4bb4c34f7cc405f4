package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.Track;

/**
 * Full-size frames composited on the YUV 4:2:0 planes ({@link DraftPictures}) and fed to an encoder as
 * {@code yuv420p}: a quarter of the RGBA path's bytes a pixel and no conversion either way. Shared by the export and
 * segment rendering, which decide alike from the project and its sources alone, so a segmented export joins segments
 * made the same way and has the single-machine export's pictures.
 */
final class PlaneFeed {

    private PlaneFeed() {
    }

    /**
     * The planes' format when the whole project can be composited on them: no gamma, and every video clip's decoded
     * pictures 4:2:0 (8- or 10-bit) of one matrix and range at the project's size (sources at least that size are
     * scaled to it by the decoder). Each clip's decoder is opened to see its format, and closed.
     */
    static Optional<VideoFormat> planes(Project p, CompositePictures.Opener opener) throws MediaException {
        if (!DraftPictures.effectsAllow(p)) {
            return Optional.empty();
        }
        VideoFormat first = null;
        for (Track t : p.videoTracks()) {
            for (Clip c : t.clips()) {
                try (ClipReader r = opener.open(c)) {
                    VideoFormat f = r.frames().format();
                    boolean scaled = f.width() > p.width() || f.height() > p.height();
                    boolean exact = f.width() == p.width() && f.height() == p.height();
                    if (f.pixelFormat() != PixelFormat.I420 && f.pixelFormat() != PixelFormat.I420_10LE
                            || !scaled && !exact || first != null && (first.matrix() != f.matrix()
                            || first.range() != f.range())) {
                        return Optional.empty();
                    }
                    first = first == null ? f : first;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Encodes frames {@code [in, out)} on the planes through ffmpeg with {@code arguments} (given the planes' format);
     * false when a picture could not be composited so after all (the encoder is stopped, its output unfinished: the
     * caller makes the frames in RGBA).
     */
    static boolean encode(Project p, long in, long out, Path ffmpeg,
            Function<VideoFormat, List<String>> arguments, BooleanSupplier cancelled,
            Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        try (DraftPictures draft = new DraftPictures(p, p.width(), p.height(),
                DefaultTimelineRenderer.opener(p, p.width(), p.height(), false))) {
            Frame first = draft.render(in);
            if (first == null) {
                return false;
            }
            Frame[] pending = {first};
            try (ExportEncoder encoder = new ExportEncoder(ffmpeg, arguments.apply(draft.format().orElseThrow()),
                    (int) first.byteCount())) {
                return FrameFeed.encode(f -> {
                    Frame made = pending[0] != null ? pending[0] : draft.render(f);
                    pending[0] = null;
                    return made;
                }, p.rate().fps(), encoder, in, out, cancelled, progress);
            }
        }
    }
}
