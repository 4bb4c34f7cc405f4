package org.tsperf.media.decode;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.tsperf.api.gpu.FrameOperation.YuvMatrix;
import org.tsperf.api.gpu.FrameOperation.YuvRange;
import org.tsperf.api.gpu.PixelFormat;

/**
 * Copies decoded pictures into frame buffers with {@link PixelFormat#frameBytes}'s layout (planes back to back, no
 * row padding), converting with swscale first when the decoder's format is not one the processors take. The
 * conversion frame and swscale context are made once and reused: nothing is allocated per frame but buffer views.
 * Not thread-safe (one per source).
 *
 * <p>With {@link PixelFormat#RGBA8} as the target, swscale scales and converts in one pass, straight into the frame
 * buffer, with the colour details ({@code sws_setColorspaceDetails}) of the stream's matrix and range, so that its
 * pictures match the video processor's conversion ({@code ConvertToRgba} with the same matrix and range).
 */
final class FramePixels implements AutoCloseable {

    private final int width;
    private final int height;
    private final PixelFormat target;
    private final int targetAv;
    private final YuvMatrix matrix;
    private final YuvRange range;
    private SwsContext sws;
    private AVFrame converted;
    /** What {@link #rgbaContext} was made for: source width, height and format. */
    private int swsWidth = -1;
    private int swsHeight = -1;
    private int swsFormat = -1;
    private BytePointer rgbaTarget;
    private ByteBuffer rgbaTargetOf;
    private final PointerPointer<BytePointer> rgbaPlanes = new PointerPointer<>(4);
    private final IntPointer rgbaStrides = new IntPointer(4);

    /** Pictures in a YUV layout ({@link PixelFormat#I420}, {@link PixelFormat#NV12}, {@link PixelFormat#I420_10LE}). */
    FramePixels(int width, int height, PixelFormat target) {
        this(width, height, target, null, null);
    }

    /**
     * @param matrix the stream's YUV matrix (for {@link PixelFormat#RGBA8}; ignored for a YUV target)
     * @param range  the stream's YUV range (for {@link PixelFormat#RGBA8}; ignored for a YUV target)
     */
    FramePixels(int width, int height, PixelFormat target, YuvMatrix matrix, YuvRange range) {
        this.width = width;
        this.height = height;
        this.target = target;
        this.matrix = matrix;
        this.range = range;
        this.targetAv = switch (target) {
            case I420 -> avutil.AV_PIX_FMT_YUV420P;
            case NV12 -> avutil.AV_PIX_FMT_NV12;
            case I420_10LE -> avutil.AV_PIX_FMT_YUV420P10LE;
            case RGBA8 -> avutil.AV_PIX_FMT_RGBA;
        };
        if (target == PixelFormat.RGBA8 && (matrix == null || range == null)) {
            throw new IllegalArgumentException("RGBA pictures need the stream's matrix and range");
        }
        rgbaStrides.put(0, width * 4);
    }

    PixelFormat target() {
        return target;
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
        if (target == PixelFormat.RGBA8) {
            toRgba(frame, dst);
            return;
        }
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
        conversionFrame();
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

    /**
     * Scales and converts in one swscale pass. A direct buffer (the frame buffers are) is written in place; any
     * other goes through the conversion frame.
     */
    private void toRgba(AVFrame frame, ByteBuffer dst) {
        if (frame.width() != swsWidth || frame.height() != swsHeight || frame.format() != swsFormat) {
            rgbaContext(frame);
        }
        if (!dst.isDirect()) {
            swscale.sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), conversionFrame().data(),
                    converted.linesize());
            copyPlane(converted, 0, width * 4, height, dst, 0);
            return;
        }
        if (dst != rgbaTargetOf) {
            // frame buffers come back from a small pool: the same few buffers, wrapped once each time they change
            rgbaTarget = new BytePointer(dst);
            rgbaTargetOf = dst;
        }
        if (rgbaTarget.capacity() < (long) width * height * 4) {
            throw new IllegalArgumentException("a frame buffer of " + rgbaTarget.capacity() + " bytes cannot hold a "
                    + width + "x" + height + " RGBA picture");
        }
        rgbaPlanes.put(0, rgbaTarget);
        swscale.sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), rgbaPlanes, rgbaStrides);
    }

    /**
     * A context for this source size and format, with the colour details of the stream: made anew when the input
     * changes (never per frame), since {@code sws_getCachedContext} may hand back a context whose details are reset.
     */
    private void rgbaContext(AVFrame frame) {
        if (sws != null) {
            swscale.sws_freeContext(sws);
            sws = null;
        }
        boolean shrinking = width < frame.width() || height < frame.height();
        sws = swscale.sws_getContext(frame.width(), frame.height(), frame.format(), width, height, targetAv,
                shrinking ? swscale.SWS_AREA : swscale.SWS_BICUBIC, null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            sws = null;
            throw new IllegalStateException("swscale cannot convert " + AvInput.string(
                    avutil.av_get_pix_fmt_name(frame.format())) + " to RGBA");
        }
        int space = matrix == YuvMatrix.BT709 ? swscale.SWS_CS_ITU709 : swscale.SWS_CS_ITU601;
        int err = swscale.sws_setColorspaceDetails(sws, swscale.sws_getCoefficients(space),
                range == YuvRange.FULL ? 1 : 0, swscale.sws_getCoefficients(swscale.SWS_CS_DEFAULT), 1, 0, 1 << 16,
                1 << 16);
        if (err < 0) {
            throw new IllegalStateException("swscale cannot convert " + AvInput.string(
                    avutil.av_get_pix_fmt_name(frame.format())) + " to RGBA with " + matrix + " " + range
                    + " colours (" + AvInput.error(err) + ")");
        }
        swsWidth = frame.width();
        swsHeight = frame.height();
        swsFormat = frame.format();
    }

    private AVFrame conversionFrame() {
        if (converted == null) {
            converted = avutil.av_frame_alloc();
            converted.width(width).height(height).format(targetAv);
            int err = avutil.av_frame_get_buffer(converted, 0);
            if (err < 0) {
                throw new IllegalStateException("no memory for a " + width + "x" + height + " conversion frame ("
                        + AvInput.error(err) + ")");
            }
        }
        return converted;
    }

    @Override
    public void close() {
        if (!rgbaPlanes.isNull()) {
            rgbaPlanes.close();
            rgbaStrides.close();
        }
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
