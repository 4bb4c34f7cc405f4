package org.tsperf.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.Project;

/**
 * Joins segment files into the export's output: each segment checked first (there, readable, its mark continuing the
 * one before, the format's codec, pixel format and size, the frames its mark names), then ffmpeg's concat demuxer
 * copies the pictures as they are and the mixed sound is encoded as the export encodes it, into a file beside the
 * output that is probed (frame count and duration) and only then renamed to the output's name.
 */
final class SegmentJoin {

    private static final Logger LOG = Logger.getLogger(SegmentJoin.class.getName());

    private final ExportRequest request;
    private final MediaProbe probe;
    private final Path ffmpeg;
    private final double fps;

    SegmentJoin(ExportRequest request, MediaProbe probe, Path ffmpeg) {
        this.request = request;
        this.probe = probe;
        this.ffmpeg = ffmpeg;
        this.fps = request.project().rate().fps();
    }

    ExportResult run(List<Path> segments, Path sound) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path output = request.output();
        if (segments.isEmpty()) {
            throw new IOException("no segment files to join into " + output);
        }
        if (!Files.isRegularFile(sound) || !Files.isReadable(sound)) {
            throw new IOException(sound + ": the mixed sound for " + output + " is missing or cannot be read; mix it"
                    + " (mixSound) before joining.");
        }
        AsideFile.checkFolder(output);
        checkSegments(segments);
        long checked = System.nanoTime();
        long total = request.out() - request.in();
        Path list = AsideFile.unique(output, "segments", "txt");
        Path temp = AsideFile.unique(output, "partial");
        long frames;
        boolean done = false;
        try {
            Files.writeString(list, concatList(segments), StandardCharsets.UTF_8);
            Duration deadline = Duration.ofMinutes(10).plusSeconds((long) (total / fps));
            FfmpegRun.run(ffmpeg, ExportCommands.join(request.format(), list, sound, temp), deadline,
                    "joining " + segments.size() + " segments into " + output);
            frames = ExportCheck.frames(ExportCheck.read(probe, temp, "the joined file"), "the joined file", total,
                    "of the segments", fps);
            AsideFile.publish(temp, output);
            done = true;
        } finally {
            AsideFile.discard(list);
            if (!done) {
                AsideFile.discard(temp);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.log(Level.INFO, String.format(Locale.ROOT, "joined %d segments into %s: %d frames in %.2f s (%.2f s"
                + " checking the segments)", segments.size(), output, frames, seconds, (checked - started) / 1e9));
        ExportCheck.Probed made = ExportCheck.read(probe, output, output.toString());
        return new ExportResult(output, frames, Math.round(made.info().durationSeconds() * 1e6), seconds,
                total / fps / Math.max(1e-6, seconds));
    }

    /** Each segment is whole and the marks follow each other from the export's first frame to its last. */
    private void checkSegments(List<Path> segments) throws IOException, InterruptedException {
        Project p = request.project();
        long next = request.in();
        Path previous = null;
        for (Path s : segments) {
            Path f = s.toAbsolutePath();
            if (!Files.exists(f)) {
                throw new IOException(f + ": this segment file is missing; render its segment again, then join.");
            }
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new IOException(f + ": this segment file cannot be read (not a file, or no permission).");
            }
            SegmentMark mark = SegmentMark.read(ffmpeg, f, "segment file " + f).orElseThrow(() -> new IOException(f
                    + ": not a segment rendered for an export (it has no segment mark); render its segment again."));
            if (mark.rangeIn() != request.in() || mark.rangeOut() != request.out()) {
                throw new IOException(String.format(Locale.ROOT, "%s: holds frames %d-%d of an export of frames"
                        + " %d-%d, not of this export's %d-%d; render its segment again.", f, mark.in(), mark.out(),
                        mark.rangeIn(), mark.rangeOut(), request.in(), request.out()));
            }
            if (mark.in() > next) {
                throw new IOException(String.format(Locale.ROOT, "frames %d-%d are missing: no segment holds them"
                        + " (%s, the next one listed, starts at frame %d%s); render that segment and list it.",
                        next, mark.in(), f, mark.in(), previous == null ? "" : "; the one before is " + previous));
            }
            if (mark.in() < next) {
                throw new IOException(String.format(Locale.ROOT, "%s: holds frames %d-%d, which the segment before"
                        + " it (%s) holds already: a segment is listed twice or out of order.", f, mark.in(),
                        mark.out(), previous));
            }
            String what = "segment file " + f;
            ExportCheck.Probed probed = ExportCheck.read(probe, f, what);
            VideoStreamInfo v = probed.video();
            String codec = ExportCommands.probedCodec(request.format());
            String pixels = ExportCommands.pixelFormat(request.format());
            if (!codec.equals(v.codec()) || !pixels.equals(v.pixelFormat())) {
                throw new IOException(String.format(Locale.ROOT, "%s is %s %s, not the %s %s of a %s export; render"
                        + " its segment again.", what, v.codec(), v.pixelFormat(), codec, pixels,
                        request.format().cliName()));
            }
            if (v.width() != p.width() || v.height() != p.height()) {
                throw new IOException(String.format(Locale.ROOT, "%s is %dx%d, not the project's %dx%d; render its"
                        + " segment again.", what, v.width(), v.height(), p.width(), p.height()));
            }
            try {
                ExportCheck.frames(probed, what, mark.frames(), String.format(Locale.ROOT,
                        "of timeline frames %d-%d (segment %d)", mark.in(), mark.out(), mark.index()), fps);
            } catch (IOException ex) {
                throw new IOException(ex.getMessage() + "; render its segment again.", ex);
            }
            next = mark.out();
            previous = f;
        }
        if (next != request.out()) {
            throw new IOException(String.format(Locale.ROOT, "frames %d-%d are missing: the last segment listed (%s)"
                    + " ends at frame %d; render the rest and list it.", next, request.out(), previous, next));
        }
    }

    /** The concat demuxer's list: absolute names, each quoted ({@code '} written as {@code '\''}). */
    static String concatList(List<Path> segments) {
        StringBuilder b = new StringBuilder("ffconcat version 1.0\n");
        for (Path s : segments) {
            b.append("file '").append(s.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
        }
        return b.toString();
    }
}
