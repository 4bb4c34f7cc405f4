package org.tsperf.media.decode;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.tsperf.api.gpu.PixelFormat;

/**
 * Copies decoded pictures into frame buffers with {@link PixelFormat#frameBytes}'s layout (planes back to back, no
 * row padding), converting with swscale first when the decoder's format is not one the processors take. The
 * conversion frame and swscale context are made once and reused: nothing is allocated per frame but buffer views.
 * Not thread-safe (one per source).
 */
final class FramePixels implements AutoCloseable {

    private final int width;
    private final int height;
    private final PixelFormat target;
    private final int targetAv;
    private SwsContext sws;
    private AVFrame converted;

    FramePixels(int width, int height, PixelFormat target) {
        this.width = width;
        this.height = height;
        this.target = target;
        this.targetAv = switch (target) {
            case I420 -> avutil.AV_PIX_FMT_YUV420P;
            case NV12 -> avutil.AV_PIX_FMT_NV12;
            case I420_10LE -> avutil.AV_PIX_FMT_YUV420P10LE;
            case RGBA8 -> throw new IllegalArgumentException("decoded frames are YUV, not " + target);
        };
    }

    /** The layout frames of an FFmpeg pixel format are delivered in. */
    static PixelFormat targetFor(int avFormat) {
        if (avFormat == avutil.AV_PIX_FMT_YUV420P || avFormat == avutil.AV_PIX_FMT_YUVJ420P) {
            return PixelFormat.I420;
        }
        if (avFormat == avutil.AV_PIX_FMT_NV12) {
            return PixelFormat.NV12;
        }
        if (avFormat == avutil.AV_PIX_FMT_YUV420P10LE) {
            return PixelFormat.I420_10LE;
        }
        AVPixFmtDescriptor desc = avFormat < 0 ? null : avutil.av_pix_fmt_desc_get(avFormat);
        boolean deep = desc != null && !desc.isNull() && desc.comp(0).depth() > 8;
        return deep ? PixelFormat.I420_10LE : PixelFormat.I420;
    }

    /** Writes the picture of {@code frame} to {@code dst} from position 0. */
    void copy(AVFrame frame, ByteBuffer dst) {
        AVFrame src = frame;
        // the layouts match only when the FFmpeg formats are the same (yuvj420p is yuv420p with full range)
        int f = frame.format();
        boolean same = f == targetAv || (f == avutil.AV_PIX_FMT_YUVJ420P && targetAv == avutil.AV_PIX_FMT_YUV420P);
        if (!same || frame.width() != width || frame.height() != height) {
            src = convert(frame);
        }
        int bytesPerSample = target == PixelFormat.I420_10LE ? 2 : 1;
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        int offset = copyPlane(src, 0, width * bytesPerSample, height, dst, 0);
        if (target == PixelFormat.NV12) {
            copyPlane(src, 1, 2 * cw, ch, dst, offset);
        } else {
            offset = copyPlane(src, 1, cw * bytesPerSample, ch, dst, offset);
            copyPlane(src, 2, cw * bytesPerSample, ch, dst, offset);
        }
    }

    private static int copyPlane(AVFrame src, int plane, int rowBytes, int rows, ByteBuffer dst, int offset) {
        int stride = src.linesize(plane);
        ByteBuffer in = src.data(plane).capacity((long) stride * (rows - 1) + rowBytes).asByteBuffer();
        if (stride == rowBytes) {
            dst.put(offset, in, 0, rowBytes * rows);
        } else {
            for (int y = 0; y < rows; y++) {
                dst.put(offset + y * rowBytes, in, y * stride, rowBytes);
            }
        }
        return offset + rowBytes * rows;
    }

    private AVFrame convert(AVFrame frame) {
        if (converted == null) {
            converted = avutil.av_frame_alloc();
            converted.width(width).height(height).format(targetAv);
            int err = avutil.av_frame_get_buffer(converted, 0);
            if (err < 0) {
                throw new IllegalStateException("no memory for a " + width + "x" + height + " conversion frame ("
                        + AvInput.error(err) + ")");
            }
        }
        // the flags of ffmpeg's own format conversion, so that converted frames match the command line's; area
        // averaging to shrink (playback at the view's size), which neither aliases nor costs what bicubic does
        boolean shrinking = width < frame.width() || height < frame.height();
        sws = swscale.sws_getCachedContext(sws, frame.width(), frame.height(), frame.format(), width, height,
                targetAv, shrinking ? swscale.SWS_AREA : swscale.SWS_BICUBIC, null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale cannot convert " + AvInput.string(
                    avutil.av_get_pix_fmt_name(frame.format())) + " to " + target);
        }
        swscale.sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), converted.data(),
                converted.linesize());
        return converted;
    }

    @Override
    public void close() {
        if (sws != null) {
            swscale.sws_freeContext(sws);
            sws = null;
        }
        if (converted != null) {
            avutil.av_frame_free(converted);
            converted = null;
        }
    }
}
