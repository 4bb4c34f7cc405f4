package org.tsperf.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.FrameRate;

/**
 * The ffmpeg command lines of an export (the arguments after the executable): the single-machine export, a segment of
 * a segmented export and the join of the segments. The pictures of all of them go through the same conversion and the
 * same encoder settings, so a segment joins bit-compatibly with the others (same SPS/PPS for H.264) and the joined
 * file has the pictures of the single-machine export; the sound is encoded in the same way by the export and the join.
 */
final class ExportCommands {

    private ExportCommands() {
    }

    /**
     * The single-machine export: raw RGBA pictures on standard input and the mixed sound from a WAV file, in one
     * file. The same encoder settings as the benchmark's ffmpeg reference; RGBA converted to YUV with the BT.709
     * matrix (the one HD and larger sources are decoded with) and tagged so.
     */
    static List<String> export(ExportFormat format, int width, int height, FrameRate rate, Path wav, Path out) {
        List<String> c = rawPictures(width, height, rate);
        c.addAll(List.of("-i", wav.toString(), "-map", "0:v", "-map", "1:a"));
        c.addAll(pictures(format));
        c.addAll(sound(format));
        c.addAll(container(format, true));
        c.add(out.toString());
        return c;
    }

    /**
     * The single-machine export of pictures composited on the YUV planes ({@link DraftPictures}): raw {@code yuv420p}
     * on standard input in the sources' own matrix and range, encoded as they are (ProRes: chroma upsampled to 4:2:2
     * 10-bit by the encoder's input conversion, the matrix unchanged) and tagged with that matrix and range; no
     * conversion to RGB either way, as the filter graph of the benchmark's reference works.
     */
    static List<String> exportPlanes(ExportFormat format, int width, int height, FrameRate rate, VideoFormat planes,
            Path wav, Path out) {
        List<String> c = rawPlanes(width, height, rate, planes);
        c.addAll(List.of("-i", wav.toString(), "-map", "0:v", "-map", "1:a", "-pix_fmt", pixelFormat(format)));
        c.addAll(videoCodec(format));
        c.addAll(ChunkEncoding.tags(planes));
        c.addAll(sound(format));
        c.addAll(container(format, true));
        c.add(out.toString());
        return c;
    }

    /**
     * One segment: raw RGBA pictures on standard input, no sound, in the format's container, its timestamps starting
     * at 0. Every encoder here starts its output with a keyframe that needs no earlier frame (libx264 opens with an
     * IDR picture and keeps its GOPs closed unless told otherwise; ProRes is all intra), so segments join in any
     * number without re-encoding. {@code mark} goes into the container's comment, for the join to check.
     */
    static List<String> segment(ExportFormat format, int width, int height, FrameRate rate, String mark, Path out) {
        List<String> c = rawPictures(width, height, rate);
        c.addAll(List.of("-map", "0:v", "-an"));
        c.addAll(pictures(format));
        c.addAll(List.of("-metadata", "comment=" + mark));
        c.addAll(container(format, false));
        c.add(out.toString());
        return c;
    }

    /** One segment composited on the YUV planes: as {@link #exportPlanes} is to {@link #export}. */
    static List<String> segmentPlanes(ExportFormat format, int width, int height, FrameRate rate,
            VideoFormat planes, String mark, Path out) {
        List<String> c = rawPlanes(width, height, rate, planes);
        c.addAll(List.of("-map", "0:v", "-an", "-pix_fmt", pixelFormat(format)));
        c.addAll(videoCodec(format));
        c.addAll(ChunkEncoding.tags(planes));
        c.addAll(List.of("-metadata", "comment=" + mark));
        c.addAll(container(format, false));
        c.add(out.toString());
        return c;
    }

    /**
     * The join: the segments listed in a concat demuxer file, copied as they are, and the mixed sound from a WAV file,
     * encoded as the export encodes it. The segments' container comments are not carried over.
     */
    static List<String> join(ExportFormat format, Path list, Path wav, Path out) {
        List<String> c = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-v", "error", "-y",
                "-f", "concat", "-safe", "0", "-i", list.toString(), "-i", wav.toString(),
                "-map", "0:v", "-map", "1:a", "-map_metadata", "-1", "-c:v", "copy"));
        c.addAll(sound(format));
        c.addAll(container(format, true));
        c.add(out.toString());
        return c;
    }

    static String pixelFormat(ExportFormat format) {
        return format == ExportFormat.H264 ? "yuv420p" : "yuv422p10le";
    }

    /** The video encoder and its settings, shared with the benchmark's reference command. */
    static List<String> videoCodec(ExportFormat format) {
        return switch (format) {
            case H264 -> List.of("-c:v", "libx264", "-preset", "medium", "-crf", "18", "-profile:v", "high");
            case PRORES_HQ -> List.of("-c:v", "prores_ks", "-profile:v", "3", "-vendor", "apl0");
            case PRORES_PROXY -> List.of("-c:v", "prores_ks", "-profile:v", "0", "-vendor", "apl0");
        };
    }

    /** The codec name a probe reports for the format's video. */
    static String probedCodec(ExportFormat format) {
        return format == ExportFormat.H264 ? "h264" : "prores";
    }

    /**
     * Raw {@code yuv420p} pictures on standard input in {@code planes}' matrix and range, said on the input: ffmpeg 8
     * takes untagged raw YUV for full range and would squeeze it into the limited range the output is tagged with.
     */
    static List<String> rawPlanes(int width, int height, FrameRate rate, VideoFormat planes) {
        List<String> c = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-v", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", width + "x" + height, "-framerate", rate.toString()));
        c.addAll(ChunkEncoding.tags(planes));
        c.addAll(List.of("-i", "pipe:0"));
        return c;
    }

    private static List<String> rawPictures(int width, int height, FrameRate rate) {
        return new ArrayList<>(List.of("-hide_banner", "-nostdin", "-v", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "rgba", "-s", width + "x" + height, "-framerate", rate.toString(),
                "-i", "pipe:0"));
    }

    /** The conversion to YUV, the encoder and the colour tags. */
    private static List<String> pictures(ExportFormat format) {
        List<String> c = new ArrayList<>(List.of("-vf", "scale=out_color_matrix=bt709:out_range=tv"
                + ":flags=bicubic+accurate_rnd,format=" + pixelFormat(format)));
        c.addAll(videoCodec(format));
        c.addAll(List.of("-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
                "-color_range", "tv"));
        return c;
    }

    private static List<String> sound(ExportFormat format) {
        return format == ExportFormat.H264 ? List.of("-c:a", "aac", "-b:a", "192k")
                : List.of("-c:a", "pcm_s16le");
    }

    /** MP4 for H.264 (faststart for a finished file), MOV for ProRes. */
    private static List<String> container(ExportFormat format, boolean finished) {
        if (format == ExportFormat.H264) {
            return finished ? List.of("-movflags", "+faststart", "-f", "mp4") : List.of("-f", "mp4");
        }
        return List.of("-f", "mov");
    }
}
