package org.tsperf.media.decode;

import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaException.Problem;
import org.tsperf.media.FfmpegMediaProbe;

/** Opening containers and decoders with the probe's clear errors; FFmpeg error texts. */
final class AvInput {

    private AvInput() {
    }

    /** Opens a container and reads its streams; the caller closes it with {@code avformat_close_input}. */
    static AVFormatContext open(Path path) throws MediaException {
        return open(path, true);
    }

    /**
     * As {@link #open(Path)}; without {@code fullProbe}, MP4/MOV and Matroska files whose header describes the video
     * skip {@code avformat_find_stream_info}, which decodes frames (about 0.4 s for a 4K H.264 file on 2 cores).
     * Enough for demuxing (the frame index); decoders want the full probe.
     */
    static AVFormatContext open(Path path, boolean fullProbe) throws MediaException {
        FfmpegMediaProbe.checkReadable(path);
        AVFormatContext ctx = new AVFormatContext(null);
        int err = avformat.avformat_open_input(ctx, path.toString(), null, null);
        if (err < 0) {
            throw new MediaException(path, Problem.NOT_MEDIA, path + ": not a media file FFmpeg can read ("
                    + error(err) + "). It may be a truncated copy whose index was never written, or not video at"
                    + " all: copy it again from the camera card or the original source.");
        }
        if (!fullProbe && headerSuffices(ctx)) {
            return ctx;
        }
        err = avformat.avformat_find_stream_info(ctx, (PointerPointer<?>) null);
        if (err < 0) {
            avformat.avformat_close_input(ctx);
            throw new MediaException(path, Problem.CORRUPT, path + ": FFmpeg opened the container but could not"
                    + " read its streams (" + error(err) + "). The file is damaged: copy it again from its source.");
        }
        return ctx;
    }

    /** Containers whose header gives every stream's codec, size and extradata. */
    private static boolean headerSuffices(AVFormatContext ctx) {
        String name = ctx.iformat() == null ? "" : string(ctx.iformat().name());
        if (!name.startsWith("mov,") && !name.startsWith("matroska")) {
            return false;
        }
        int v = firstStream(ctx, avutil.AVMEDIA_TYPE_VIDEO);
        return v >= 0 && ctx.streams(v).codecpar().codec_id() != avcodec.AV_CODEC_ID_NONE
                && ctx.streams(v).codecpar().width() > 0 && ctx.streams(v).codecpar().height() > 0;
    }

    /**
     * Whether the demuxer's seek goes by presentation timestamps: MP4/QuickTime (its sample index is shifted so
     * that presentation starts at 0) and Matroska (its cues hold block timestamps). Handing those a keyframe's dts,
     * which lies before its pts when frames are reordered, lands one keyframe early: twice the decoding per seek.
     */
    static boolean seeksByPts(AVFormatContext ctx) {
        String name = ctx.iformat() == null ? "" : string(ctx.iformat().name());
        return name.startsWith("mov,") || name.startsWith("matroska");
    }

    /** The first stream of a type that is not a cover picture, or -1. */
    static int firstStream(AVFormatContext ctx, int mediaType) {
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream st = ctx.streams(i);
            if (st.codecpar().codec_type() == mediaType
                    && (st.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first video stream, or a NO_VIDEO exception (the caller closes the context). */
    static int videoStream(Path path, AVFormatContext ctx) throws MediaException {
        int index = firstStream(ctx, avutil.AVMEDIA_TYPE_VIDEO);
        if (index < 0) {
            throw new MediaException(path, Problem.NO_VIDEO, path + ": has no video stream (audio only, or data)."
                    + " Open a file with video, or use it as audio.");
        }
        return index;
    }

    /** A software decoder context for a stream, not opened yet. */
    static AVCodecContext decoderFor(Path path, AVStream st) throws MediaException {
        AVCodec codec = avcodec.avcodec_find_decoder(st.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw new MediaException(path, Problem.CORRUPT, path + ": FFmpeg has no decoder for its "
                    + string(avcodec.avcodec_get_name(st.codecpar().codec_id())) + " stream. Convert it to a"
                    + " common format (H.264, HEVC, ProRes) first.");
        }
        AVCodecContext cc = avcodec.avcodec_alloc_context3(codec);
        int err = avcodec.avcodec_parameters_to_context(cc, st.codecpar());
        if (err < 0) {
            avcodec.avcodec_free_context(cc);
            throw new MediaException(path, Problem.CORRUPT, path + ": its stream parameters are unusable ("
                    + error(err) + ").");
        }
        cc.pkt_timebase(st.time_base());
        return cc;
    }

    static String string(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString();
    }

    static String error(int code) {
        try (BytePointer buf = new BytePointer(256)) {
            avutil.av_strerror(code, buf, 256);
            String s = buf.getString();
            int end = s.indexOf('\0');
            s = (end < 0 ? s : s.substring(0, end)).trim();
            return s.isEmpty() ? String.format(Locale.ROOT, "error %d", code) : s;
        }
    }
}
