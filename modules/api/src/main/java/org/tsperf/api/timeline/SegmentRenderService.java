package org.tsperf.api.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An export in pieces, for rendering on several machines: the range split into segments that each start on a
 * keyframe, each segment's pictures rendered without sound into its own file, the sound mixed once for the whole
 * range (mixing per segment clicks at every join), and the segments joined without re-encoding. The result has the
 * frames, duration and pictures of {@link ExportService}'s single-machine export. Provided through Lookup by the
 * render module; it runs on the caller's thread, outside the task system.
 */
public interface SegmentRenderService {

    /** Segments of about {@code framesPerSegment} frames covering the request's range in order. */
    List<ExportSegment> plan(ExportRequest request, int framesPerSegment);

    /**
     * Renders one segment's pictures, without sound, into {@code file}. The file appears only when complete (written
     * beside it and renamed), so running the same segment twice, even at once, leaves one whole file.
     */
    void renderSegment(ExportRequest request, ExportSegment segment, Path file, BooleanSupplier cancelled,
            Consumer<RenderProgress> progress) throws IOException, InterruptedException;

    /** Mixes the request's sound for its whole range into a WAV {@code file}, which appears only when complete. */
    void mixSound(ExportRequest request, Path file, BooleanSupplier cancelled) throws IOException;

    /**
     * Joins the segment files in order without re-encoding and muxes the sound in, then probes the result (frame
     * count and duration) and only then moves it to the request's output.
     */
    ExportResult join(ExportRequest request, List<Path> segments, Path sound) throws IOException,
            InterruptedException;
}
