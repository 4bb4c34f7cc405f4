package org.tsperf.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.CrossFade;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.Transition;
import org.tsperf.api.timeline.TimelinePictures;

/**
 * A project's pictures at one size. Per frame, each video track in list order (later on top) gives the layer of the
 * clip that covers the frame (or of the two a transition joins, mixed), which covers what is below by its opacity;
 * black below the lowest. Each clip's decoder stays open while the clip is being read and is closed once a frame
 * after its end is asked for. Buffers are allocated once and reused for every frame.
 */
final class CompositePictures implements TimelinePictures {

    /** Opens a clip's decoder. */
    @FunctionalInterface
    interface Opener {
        ClipReader open(Clip clip) throws MediaException;
    }

    private final Project project;
    private final int width;
    private final int height;
    private final VideoProcessor processor;
    private final OpenClipReaders readers;
    private final List<Track> videoTracks;
    private final RenderBuffers buffers = new RenderBuffers();
    private final ByteBuffer[] canvas = new ByteBuffer[2];
    private ByteBuffer layer;
    private Frame black;
    private boolean closed;

    CompositePictures(Project project, int width, int height, VideoProcessor processor, Opener opener) {
        this.project = project;
        this.width = width;
        this.height = height;
        this.processor = processor;
        this.readers = new OpenClipReaders(project, opener);
        this.videoTracks = project.videoTracks();
    }

    @Override
    public Project project() {
        return project;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public Frame render(long frame) throws MediaException {
        if (closed) {
            throw new IllegalStateException("the pictures of project " + project.name() + " are closed");
        }
        if (frame < 0 || frame >= Math.max(1, project.length())) {
            throw new IndexOutOfBoundsException("frame " + frame + " is outside project " + project.name() + " (0-"
                    + project.length() + ")");
        }
        readers.closeEnded(frame);
        Frame below = null; // null: black
        int next = 0;
        for (Track track : videoTracks) {
            List<Clip> at = track.clips().stream().filter(c -> c.covers(frame)).toList();
            if (at.isEmpty()) {
                continue;
            }
            ByteBuffer target = canvas(next);
            Optional<Transition> joined = at.size() < 2 ? Optional.empty() : transition(track, at);
            if (joined.isPresent()) {
                Transition t = joined.get();
                Clip from = track.clip(t.fromClip()).orElseThrow();
                Clip to = track.clip(t.toClip()).orElseThrow();
                Frame fromLayer = layer(from, frame, below, List.of(), layer());
                double mix = t.mix(frame - to.start());
                below = layer(to, frame, below, List.of(new CrossFade(fromLayer, 1 - mix)), target);
            } else {
                // clips that overlap with no transition: the later one is on top
                below = layer(at.get(at.size() - 1), frame, below, List.of(), target);
            }
            next = 1 - next;
        }
        return below != null ? below : black();
    }

    /** The clip's picture with its effects over {@code below} by its opacity, then {@code more}, into target. */
    private Frame layer(Clip clip, long frame, Frame below, List<FrameOperation> more, ByteBuffer target)
            throws MediaException {
        ClipReader reader = readers.of(clip);
        DecodedFrame decoded = reader.frameFor(frame);
        List<FrameOperation> chain = new ArrayList<>(ClipChain.of(clip, reader.frames().format(), decoded.picture(),
                width, height, project.width()));
        double opacity = ClipChain.opacity(clip);
        if (opacity < 1) {
            chain.add(new CrossFade(below != null ? below : black(), 1 - opacity));
        }
        chain.addAll(more);
        return processor.process(decoded.picture(), chain, target);
    }

    private static Optional<Transition> transition(Track track, List<Clip> at) {
        return track.transitions().stream().filter(t -> at.stream().anyMatch(c -> c.id().equals(t.fromClip()))
                && at.stream().anyMatch(c -> c.id().equals(t.toClip()))).findFirst();
    }



    private ByteBuffer canvas(int i) {
        if (canvas[i] == null) {
            canvas[i] = buffers.allocate(4L * width * height, "a composited picture");
        }
        return canvas[i];
    }

    private ByteBuffer layer() {
        if (layer == null) {
            layer = buffers.allocate(4L * width * height, "a transition's picture");
        }
        return layer;
    }

    private Frame black() {
        if (black == null) {
            ByteBuffer b = buffers.allocate(4L * width * height, "a black picture").duplicate()
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < width * height; i++) {
                b.putInt(4 * i, 0xFF000000); // opaque black, little-endian R, G, B, A
            }
            black = new Frame(width, height, PixelFormat.RGBA8, b);
        }
        return black;
    }

    @Override
    public void close() {
        closed = true;
        readers.close();
        buffers.close();
    }
}
