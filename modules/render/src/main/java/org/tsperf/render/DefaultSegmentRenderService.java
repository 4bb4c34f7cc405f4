package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportSegment;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.SegmentRenderService;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;
import org.tsperf.api.timeline.Track;

/**
 * Segmented export with the single-machine export's parts: the same {@link TimelineRenderer} pictures and frame loop
 * ({@link FrameFeed}), the same encoder settings ({@link ExportCommands}), the same sound mix ({@link AudioMix}) and
 * the same read-back check ({@link ExportCheck}). Every file appears only when whole ({@link AsideFile}).
 */
@ServiceProvider(service = SegmentRenderService.class)
public final class DefaultSegmentRenderService implements SegmentRenderService {

    private static final Logger LOG = Logger.getLogger(DefaultSegmentRenderService.class.getName());
    /** A remainder shorter than a segment over this gets no segment of its own: it joins the last one. */
    static final int TAIL_DIVISOR = 4;

    @Override
    public List<ExportSegment> plan(ExportRequest request, int framesPerSegment) {
        if (framesPerSegment < 1) {
            throw new IllegalArgumentException("a segment needs at least one frame, not " + framesPerSegment);
        }
        long total = request.out() - request.in();
        long count = Math.max(1, total / framesPerSegment);
        long tail = total - count * framesPerSegment;
        if (tail > 0 && tail * TAIL_DIVISOR >= framesPerSegment) {
            count++;
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(total + " frames make too many segments of " + framesPerSegment);
        }
        List<ExportSegment> plan = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long in = request.in() + (long) i * framesPerSegment;
            long out = i == count - 1 ? request.out() : in + framesPerSegment;
            plan.add(new ExportSegment(i, in, out));
        }
        return List.copyOf(plan);
    }

    @Override
    public void renderSegment(ExportRequest request, ExportSegment segment, Path file, BooleanSupplier cancelled,
            Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        if (segment.in() < request.in() || segment.out() > request.out()) {
            throw new IllegalArgumentException("segment " + segment.index() + " (frames " + segment.in() + "-"
                    + segment.out() + ") is outside the export's frames " + request.in() + "-" + request.out());
        }
        Project p = request.project();
        TimelineRenderer renderer = DefaultTimelineRenderer.require(TimelineRenderer.class, "Timeline Rendering");
        MediaProbe probe = DefaultTimelineRenderer.require(MediaProbe.class, "Media Core");
        Path ffmpeg = DefaultTimelineRenderer.require(MediaTools.class, "Media Core").ffmpeg();
        AsideFile.checkFolder(file);
        Path temp = AsideFile.unique(file, "partial");
        long started = System.nanoTime();
        boolean done = false;
        String mark = SegmentMark.of(request, segment).text();
        try {
            try (TimelinePictures pictures = renderer.open(p, p.width(), p.height(), false)) {
                // the way the single-machine export takes, decided from the project alone: every segment alike
                boolean planes = PlaneFeed.planes(p, DefaultTimelineRenderer.opener(p, p.width(), p.height(), false))
                        .isPresent() && PlaneFeed.encode(p, segment.in(), segment.out(), ffmpeg, f ->
                                ExportCommands.segmentPlanes(request.format(), p.width(), p.height(), p.rate(), f,
                                        mark, temp), cancelled, progress);
                if (!planes) {
                    try (ExportEncoder encoder = new ExportEncoder(ffmpeg, ExportCommands.segment(request.format(),
                            p.width(), p.height(), p.rate(), mark, temp), 4 * p.width() * p.height())) {
                        FrameFeed.encode(pictures, encoder, segment.in(), segment.out(), cancelled, progress);
                    }
                }
            }
            String what = "segment " + segment.index() + " (" + file + ")";
            ExportCheck.frames(ExportCheck.read(probe, temp, what), what, segment.frames(), "rendered",
                    p.rate().fps());
            AsideFile.publish(temp, file);
            done = true;
        } finally {
            if (!done) {
                AsideFile.discard(temp);
            }
        }
        LOG.log(Level.FINE, "segment {0} (frames {1}-{2}) rendered into {3} in {4} s", new Object[] {
            segment.index(), segment.in(), segment.out(), file, (System.nanoTime() - started) / 1e9});
    }

    @Override
    public void mixSound(ExportRequest request, Path file, BooleanSupplier cancelled) throws IOException {
        Project p = request.project();
        MediaDecoder decoder = DefaultTimelineRenderer.require(MediaDecoder.class, "Media Core");
        // a missing source would otherwise mix as silence
        for (Track t : p.audioTracks()) {
            for (Clip c : t.clips()) {
                DefaultTimelineRenderer.checkSource(t, c);
            }
        }
        AsideFile.checkFolder(file);
        Path temp = AsideFile.unique(file, "partial", "wav");
        boolean done = false;
        try {
            AudioMix.write(p, request.in(), request.out(), decoder, temp, cancelled);
            AsideFile.publish(temp, file);
            done = true;
        } finally {
            if (!done) {
                AsideFile.discard(temp);
            }
        }
    }

    @Override
    public ExportResult join(ExportRequest request, List<Path> segments, Path sound) throws IOException,
            InterruptedException {
        return new SegmentJoin(request, DefaultTimelineRenderer.require(MediaProbe.class, "Media Core"),
                DefaultTimelineRenderer.require(MediaTools.class, "Media Core").ffmpeg()).run(segments, sound);
    }
}
