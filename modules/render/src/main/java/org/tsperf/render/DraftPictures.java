package org.tsperf.render;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.Transition;

/**
 * A preview chunk's or an export's pictures composited on the decoded YUV 4:2:0 planes ({@link PlaneOps}), as
 * {@link CompositePictures} composites RGBA: the same layers, effects, opacity and cross-fades, in the clips' own
 * matrix and range. Only where that gives the same pictures: every clip's effects without gamma, and every decoded
 * picture I420 at the render size (10-bit rounded to 8 bits, as the filter graph's {@code format=yuv420p} does) in
 * one matrix and range; {@link #render} says null otherwise, and the caller makes the pictures in RGBA instead. One
 * difference by design: layers are mixed as they are, as ffmpeg's {@code xfade} mixes them, where the RGBA path clips
 * each layer to RGB first; they differ where a colour adjust takes colours out of the RGB gamut.
 */
final class DraftPictures implements AutoCloseable {

    private final Project project;
    private final int width;
    private final int height;
    private final OpenClipReaders readers;
    private final byte[] out;
    private final byte[] layer;
    private final byte[] faded; // the outgoing clip's layer of a cross-fade
    private short[] tenBit; // a 10-bit picture's samples, made when the first one comes
    private VideoFormat format; // of the first picture: every other must match its matrix and range

    DraftPictures(Project project, int width, int height, CompositePictures.Opener opener) {
        this.project = project;
        this.width = width;
        this.height = height;
        this.readers = new OpenClipReaders(project, opener);
        int bytes = (int) PixelFormat.I420.frameBytes(width, height);
        out = new byte[bytes];
        layer = new byte[bytes];
        faded = new byte[bytes];
    }

    /** Whether the project's effects can be drafted (no gamma); the pictures are checked as they come. */
    static boolean effectsAllow(Project project) {
        return evenSize(project) && project.videoTracks().stream().flatMap(t -> t.clips().stream())
                .flatMap(c -> c.effects().stream())
                .allMatch(e -> !(e instanceof Effect.ColourAdjust c) || c.gamma() == 1);
    }

    private static boolean evenSize(Project p) {
        return p.width() % 2 == 0 && p.height() % 2 == 0;
    }

    /** The matrix and range of the pictures so far (the chunk is tagged with them); empty before the first. */
    Optional<VideoFormat> format() {
        return Optional.ofNullable(format);
    }

    /** Timeline frame {@code frame} as I420 at the preview size, or null when it cannot be drafted. */
    Frame render(long frame) throws MediaException {
        readers.closeEnded(frame);
        boolean any = false;
        for (Track track : project.videoTracks()) {
            List<Clip> at = track.clips().stream().filter(c -> c.covers(frame)).toList();
            if (at.isEmpty()) {
                continue;
            }
            if (!any) {
                PlaneOps.black(out, width, height, fullRange());
            }
            Optional<Transition> joined = at.size() < 2 ? Optional.empty() : track.transitions().stream()
                    .filter(t -> at.stream().anyMatch(c -> c.id().equals(t.fromClip()))
                            && at.stream().anyMatch(c -> c.id().equals(t.toClip()))).findFirst();
            if (joined.isPresent()) {
                Transition t = joined.get();
                Clip from = track.clip(t.fromClip()).orElseThrow();
                Clip to = track.clip(t.toClip()).orElseThrow();
                if (!layer(from, frame, faded) || !layer(to, frame, layer)) {
                    return null;
                }
                PlaneOps.mix(layer, faded, 1 - t.mix(frame - to.start()));
            } else if (!layer(at.get(at.size() - 1), frame, layer)) {
                return null;
            }
            System.arraycopy(layer, 0, out, 0, out.length);
            any = true;
        }
        if (!any) {
            PlaneOps.black(out, width, height, fullRange());
        }
        return new Frame(width, height, PixelFormat.I420, ByteBuffer.wrap(out));
    }

    /** The clip's picture with its effects over {@link #out} (what is below) by its opacity, into {@code into}. */
    private boolean layer(Clip clip, long frame, byte[] into) throws MediaException {
        ClipReader reader = readers.of(clip);
        VideoFormat f = reader.frames().format();
        DecodedFrame decoded = reader.frameFor(frame);
        Frame p = decoded.picture();
        if (p.format() != PixelFormat.I420 && p.format() != PixelFormat.I420_10LE || p.width() != width
                || p.height() != height
                || format != null && (format.matrix() != f.matrix() || format.range() != f.range())) {
            return false;
        }
        if (format == null) {
            format = f;
        }
        if (p.format() == PixelFormat.I420) {
            p.data().duplicate().clear().get(into, 0, into.length);
        } else {
            if (tenBit == null) {
                tenBit = new short[into.length];
            }
            PlaneOps.to8Bit(p.data(), tenBit, into);
        }
        boolean full = fullRange();
        double scale = (double) width / project.width();
        for (Effect e : clip.effects()) {
            if (e instanceof Effect.ColourAdjust c) {
                PlaneOps.colour(into, width, height, full, ClipChain.brightness(c.brightness()), c.contrast(),
                        c.saturation());
            } else if (e instanceof Effect.Blur b) {
                double sigma = Math.min(20, b.sigma() * scale);
                if (sigma >= 0.3) {
                    PlaneOps.blur(into, width, height, sigma);
                }
            }
        }
        double opacity = ClipChain.opacity(clip);
        if (opacity < 1) {
            PlaneOps.mix(into, out, 1 - opacity);
        }
        return true;
    }

    private boolean fullRange() {
        return format != null && format.range() == org.tsperf.api.gpu.FrameOperation.YuvRange.FULL;
    }



    @Override
    public void close() {
        readers.close();
    }
}
