package org.tsperf.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.media.AudioStreamInfo;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaException.Problem;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;

/**
 * {@link MediaProbe} on libavformat: opens the container and reads the stream parameters (a few packets at most, no
 * full decode). Each call opens and closes its own context, so calls may run in parallel.
 */
@ServiceProvider(service = MediaProbe.class)
public final class FfmpegMediaProbe implements MediaProbe {

    private static final double AV_TIME_BASE = 1_000_000.0;

    static {
        // FFmpeg's own log lines would mix with the command line's output; errors are reported as exceptions
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    @Override
    public MediaInfo probe(Path file) throws MediaException {
        Path path = file.toAbsolutePath().normalize();
        long size = checkReadable(path);
        AVFormatContext ctx = new AVFormatContext(null);
        int err = avformat.avformat_open_input(ctx, path.toString(), null, null);
        if (err < 0) {
            throw new MediaException(path, Problem.NOT_MEDIA, path + ": not a media file FFmpeg can read ("
                    + error(err) + "). It may be a truncated copy whose index was never written, or not video at"
                    + " all: copy it again from the camera card or the original source.");
        }
        try {
            err = avformat.avformat_find_stream_info(ctx, (PointerPointer<?>) null);
            if (err < 0) {
                throw new MediaException(path, Problem.CORRUPT, path + ": FFmpeg opened the container but could not"
                        + " read its streams (" + error(err) + "). The file is damaged: copy it again from its source.");
            }
            List<VideoStreamInfo> video = new ArrayList<>();
            List<AudioStreamInfo> audio = new ArrayList<>();
            for (int i = 0; i < ctx.nb_streams(); i++) {
                AVStream st = ctx.streams(i);
                AVCodecParameters par = st.codecpar();
                if (par.codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    video.add(video(i, st, par));
                } else if (par.codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                    audio.add(new AudioStreamInfo(i, codecName(par.codec_id()), par.sample_rate(),
                            par.ch_layout().nb_channels(), seconds(st.duration(), st.time_base())));
                }
            }
            String container = ctx.iformat() == null ? "" : string(ctx.iformat().name());
            double duration = ctx.duration() > 0 ? ctx.duration() / AV_TIME_BASE : 0;
            return new MediaInfo(path, size, container, duration, Math.max(0, ctx.bit_rate()), video, audio);
        } finally {
            avformat.avformat_close_input(ctx);
        }
    }

    /** Clear errors for what FFmpeg would only call "invalid data". Returns the size. */
    public static long checkReadable(Path path) throws MediaException {
        if (!Files.exists(path)) {
            throw new MediaException(path, Problem.MISSING, path + ": no such file. Check the path, or reconnect"
                    + " the drive it is on.");
        }
        if (Files.isDirectory(path)) {
            throw new MediaException(path, Problem.UNREADABLE, path + ": is a folder, not a media file.");
        }
        if (!Files.isReadable(path)) {
            throw new MediaException(path, Problem.UNREADABLE, path + ": cannot be read (permission denied)."
                    + " Give this user read access to it.");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException ex) {
            throw new MediaException(path, Problem.UNREADABLE, path + ": cannot be read (" + ex.getMessage() + ").",
                    ex);
        }
        if (size == 0) {
            throw new MediaException(path, Problem.EMPTY, path + ": is empty (0 bytes), probably an interrupted"
                    + " copy. Copy it again from its source.");
        }
        return size;
    }

    private static VideoStreamInfo video(int index, AVStream st, AVCodecParameters par) {
        AVRational avg = st.avg_frame_rate();
        AVRational base = st.r_frame_rate();
        double avgRate = rate(avg);
        double baseRate = rate(base);
        double frameRate = avgRate > 0 ? avgRate : baseRate;
        // FFmpeg's own test for variable frame rate: the average rate differs from the base (tick) rate
        boolean vfr = avgRate > 0 && baseRate > 0 && Math.abs(avgRate - baseRate) / baseRate > 0.001;
        int format = par.format();
        String pixFmt = "";
        int depth = 0;
        if (format >= 0) {
            pixFmt = string(avutil.av_get_pix_fmt_name(format));
            AVPixFmtDescriptor desc = avutil.av_pix_fmt_desc_get(format);
            if (desc != null && !desc.isNull()) {
                depth = desc.comp(0).depth();
            }
        }
        String colorSpace = par.color_space() == avutil.AVCOL_SPC_UNSPECIFIED ? ""
                : string(avutil.av_color_space_name(par.color_space()));
        String colorRange = par.color_range() == avutil.AVCOL_RANGE_UNSPECIFIED ? ""
                : string(avutil.av_color_range_name(par.color_range()));
        boolean attached = (st.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
        return new VideoStreamInfo(index, codecName(par.codec_id()),
                string(avcodec.avcodec_profile_name(par.codec_id(), par.profile())), par.width(), par.height(),
                pixFmt, depth, frameRate, vfr, rotation(par), colorSpace, colorRange, Math.max(0, st.nb_frames()),
                seconds(st.duration(), st.time_base()), attached);
    }

    /** Clockwise display rotation from the display matrix, as FFmpeg's autorotate reads it. */
    public static int rotation(AVCodecParameters par) {
        AVPacketSideData sd = avcodec.av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                avcodec.AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.data() == null || sd.size() < 36) {
            return 0;
        }
        double ccw = avutil.av_display_rotation_get(new IntPointer(sd.data()));
        if (Double.isNaN(ccw)) {
            return 0;
        }
        long cw = Math.round(-ccw);
        int r = (int) (((cw % 360) + 360) % 360);
        return (r + 45) / 90 * 90 % 360;
    }

    private static String codecName(int codecId) {
        return string(avcodec.avcodec_get_name(codecId));
    }

    private static double rate(AVRational r) {
        return r == null || r.den() == 0 ? 0 : (double) r.num() / r.den();
    }

    private static double seconds(long ts, AVRational base) {
        if (ts <= 0 || ts == avutil.AV_NOPTS_VALUE || base == null || base.den() == 0) {
            return 0;
        }
        return ts * (double) base.num() / base.den();
    }

    private static String string(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString();
    }

    private static String error(int code) {
        BytePointer buf = new BytePointer(256);
        try {
            avutil.av_strerror(code, buf, 256);
            String s = buf.getString();
            int end = s.indexOf('\0');
            s = (end < 0 ? s : s.substring(0, end)).trim();
            return s.isEmpty() ? String.format(Locale.ROOT, "error %d", code) : s;
        } finally {
            buf.close();
        }
    }
}
