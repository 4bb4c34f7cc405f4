package org.tsperf.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportSegment;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.SegmentRenderService;

/**
 * A stand-in for the render module's segment renderer in the cluster's tests: a segment's "file" lists its frames
 * (one line each, {@code frame N}), made at {@code -Dtsperf.test.frameMillis} per frame; the join checks that the
 * frames run from the request's first to its last exactly once, in order, so a segment lost or joined twice fails.
 */
@ServiceProvider(service = SegmentRenderService.class)
public final class FakeSegmentRenderer implements SegmentRenderService {

    @Override
    public List<ExportSegment> plan(ExportRequest request, int framesPerSegment) {
        List<ExportSegment> out = new ArrayList<>();
        int i = 0;
        for (long in = request.in(); in < request.out(); in += framesPerSegment) {
            out.add(new ExportSegment(i++, in, Math.min(request.out(), in + framesPerSegment)));
        }
        return out;
    }

    @Override
    public void renderSegment(ExportRequest request, ExportSegment segment, Path file, BooleanSupplier cancelled,
            Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        long millis = Long.getLong("tsperf.test.frameMillis", 0);
        StringBuilder text = new StringBuilder();
        for (long f = segment.in(); f < segment.out(); f++) {
            if (cancelled.getAsBoolean()) {
                throw new IOException("cancelled");
            }
            if (millis > 0) {
                Thread.sleep(millis);
            }
            text.append("frame ").append(f).append('\n');
            progress.accept(new RenderProgress(f - segment.in() + 1, segment.frames(), 1, -1));
        }
        JobFolders.writeAtomically(file, text.toString());
    }

    @Override
    public void mixSound(ExportRequest request, Path file, BooleanSupplier cancelled) throws IOException {
        JobFolders.writeAtomically(file, "sound " + request.in() + "-" + request.out() + "\n");
    }

    @Override
    public ExportResult join(ExportRequest request, List<Path> segments, Path sound) throws IOException {
        StringBuilder all = new StringBuilder();
        long expected = request.in();
        for (Path s : segments) {
            for (String line : Files.readAllLines(s, StandardCharsets.UTF_8)) {
                long f = Long.parseLong(line.substring("frame ".length()));
                if (f != expected) {
                    throw new IOException("frame " + f + " where frame " + expected + " belongs (" + s + ")");
                }
                expected++;
                all.append(line).append('\n');
            }
        }
        if (expected != request.out()) {
            throw new IOException("the segments end at frame " + expected + ", not " + request.out());
        }
        all.append(Files.readString(sound, StandardCharsets.UTF_8));
        JobFolders.writeAtomically(request.output(), all.toString());
        long frames = request.out() - request.in();
        return new ExportResult(request.output(), frames, request.project().rate().micros(frames), 0, 0);
    }

    /** What a single-machine render of the request writes. */
    static String expected(ExportRequest request) {
        StringBuilder all = new StringBuilder();
        for (long f = request.in(); f < request.out(); f++) {
            all.append("frame ").append(f).append('\n');
        }
        return all.append("sound ").append(request.in()).append('-').append(request.out()).append('\n').toString();
    }
}
