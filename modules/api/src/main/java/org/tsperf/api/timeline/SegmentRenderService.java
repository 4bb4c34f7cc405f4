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
 * render module; it runs on the caller's thread, outside the task system. Every method may be called from any thread
 * but the event thread, several at once.
 *
 * <p>The usual order: {@link #plan}, then {@link #renderSegment} for each segment (anywhere, in any order, again
 * after a failure: a segment rendered again has the same pictures) and {@link #mixSound} once, then
 * {@link #join} with the segment files in plan order. Every file written appears only when whole: it is written
 * beside its target under a hidden name of its own ({@code .NAME.partial-UUID.EXT}) and renamed, and that file is
 * removed when the call fails or is cancelled. Cancel through the {@code cancelled} supplier makes a call throw
 * {@link java.util.concurrent.CancellationException}; interrupting the calling thread ends it with
 * {@link InterruptedException}, leaving nothing either way.
 */
public interface SegmentRenderService {

    /**
     * Segments of about {@code framesPerSegment} frames covering the request's range in order: each starts where the
     * one before ends, the first at the request's {@code in}, the last ends at its {@code out}. The last one may be
     * shorter; a remainder under a quarter of {@code framesPerSegment} joins the segment before instead of making a
     * segment of its own. A range shorter than {@code framesPerSegment} is one segment.
     *
     * @throws IllegalArgumentException when {@code framesPerSegment} is below 1
     */
    List<ExportSegment> plan(ExportRequest request, int framesPerSegment);

    /**
     * Renders one segment's pictures, without sound, into {@code file}. The file appears only when complete (written
     * beside it and renamed), so running the same segment twice, even at once, leaves one whole file.
     *
     * <p>The pictures are the single-machine export's ({@link TimelineRenderer} at the project's size, from the
     * original sources) with the same encoder settings, in the format's container (MP4 for H.264, MOV for ProRes,
     * whatever {@code file}'s extension); the file starts with a keyframe that needs no earlier frame (an IDR picture
     * for H.264), its timestamps start at 0, and its container's comment marks which frames of which range it holds,
     * for {@link #join} to check.
     *
     * @param segment  one of {@link #plan}'s segments for this request
     * @param progress hears the segment's frames done, on the calling thread (may be a no-op)
     * @throws IOException when a source cannot be read (the message names it) or ffmpeg fails
     * @throws java.util.concurrent.CancellationException when {@code cancelled} said so
     */
    void renderSegment(ExportRequest request, ExportSegment segment, Path file, BooleanSupplier cancelled,
            Consumer<RenderProgress> progress) throws IOException, InterruptedException;

    /**
     * Mixes the request's sound for its whole range into a WAV {@code file}, which appears only when complete: the
     * single-machine export's mix (16-bit stereo at the project's sample rate, exactly as long as the range).
     *
     * @throws IOException when a source of an audio track is missing (the message names it) or cannot be decoded
     * @throws java.util.concurrent.CancellationException when {@code cancelled} said so
     */
    void mixSound(ExportRequest request, Path file, BooleanSupplier cancelled) throws IOException;

    /**
     * Joins the segment files in order without re-encoding and muxes the sound in, then probes the result (frame
     * count and duration) and only then moves it to the request's output.
     *
     * <p>Each segment is checked before anything is written: the file is there and readable, its mark continues the
     * segment before (no frames missing, none twice, same range as the request), and its probed codec, pixel format,
     * size and frame count are those its mark and the request call for. A failure names the file and writes nothing.
     * The sound is encoded as the single-machine export encodes it (AAC in MP4 with faststart for H.264, PCM in MOV
     * for ProRes).
     *
     * @param segments the files of {@link #plan}'s segments for this request, in plan order
     * @param sound    {@link #mixSound}'s file for this request
     * @return the joined file as probed; {@code seconds} and {@code realTimeSpeed} are those of the join alone
     * @throws IOException naming the segment file at fault, or when ffmpeg fails
     */
    ExportResult join(ExportRequest request, List<Path> segments, Path sound) throws IOException,
            InterruptedException;
}
