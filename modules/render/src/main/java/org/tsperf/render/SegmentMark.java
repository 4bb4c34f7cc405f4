package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportSegment;

/**
 * What a segment file holds, written into its container's comment when it is rendered ({@code tsperf segment 2:
 * frames 60-100 of 0-250}) and read back before a join: the join is handed only file names, and the mark says which
 * timeline frames each file must have, so a missing, repeated or stale segment is found and named.
 *
 * @param index    the segment's place in its export
 * @param in       its first timeline frame
 * @param out      the frame after its last
 * @param rangeIn  the export's first frame
 * @param rangeOut the frame after the export's last
 */
record SegmentMark(int index, long in, long out, long rangeIn, long rangeOut) {

    private static final Pattern COMMENT = Pattern.compile(
            "(?m)^comment=tsperf segment (\\d+): frames (\\d+)-(\\d+) of (\\d+)-(\\d+)\\s*$");

    static SegmentMark of(ExportRequest request, ExportSegment segment) {
        return new SegmentMark(segment.index(), segment.in(), segment.out(), request.in(), request.out());
    }

    /** The comment's text: no character that ffmpeg's metadata format escapes. */
    String text() {
        return "tsperf segment " + index + ": frames " + in + "-" + out + " of " + rangeIn + "-" + rangeOut;
    }

    long frames() {
        return out - in;
    }

    /** The mark in {@code ffmetadata} text (ffmpeg's {@code -f ffmetadata}), if there is one. */
    static Optional<SegmentMark> parse(String ffmetadata) {
        Matcher m = COMMENT.matcher(ffmetadata);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new SegmentMark(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
    }

    /** Reads the mark of a file through ffmpeg (its container's metadata only; nothing is decoded). */
    static Optional<SegmentMark> read(Path ffmpeg, Path file, String what) throws IOException, InterruptedException {
        String meta = FfmpegRun.run(ffmpeg, List.of("-hide_banner", "-nostdin", "-v", "error", "-i", file.toString(),
                "-f", "ffmetadata", "-"), Duration.ofMinutes(1), what + " could not be read");
        return parse(meta);
    }
}
