package org.tsperf.media.decode;

import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.DecoderInfo;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaException.Problem;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.media.FfmpegMediaProbe;

/**
 * One open video stream: a demuxer, a decoder and the file's {@link FrameIndex}. {@link #seek} goes to the keyframe
 * at or before the frame and decodes forward until the decoder hands out the frame's exact timestamp; when it hands
 * out a later one first (open GOPs: leading frames after a CRA are dropped after a seek; demuxers that seek by dts),
 * it seeks one keyframe further back and tries again. Packets, frames and the swscale context are made once.
 *
 * <p>A truncated file (its container announces more frames than it holds) opens with the frames it has;
 * {@link #seek} of an announced frame past the real end throws a {@link Problem#TRUNCATED} exception.
 */
final class VideoDecoder implements FrameSource {

    private static final Logger LOG = Logger.getLogger(VideoDecoder.class.getName());
    /** AVERROR(EAGAIN) on Linux. */
    private static final int EAGAIN = -11;
    private static final int FRAME_AND_SLICE_THREADS = 1 | 2;
    private static final int MAX_ERRORS_IN_A_ROW = 50;

    private enum Outcome { FOUND, OVERSHOT, ENDED }

    private final Path path;
    private final DecodeOptions options;
    private final AVFormatContext ctx;
    private final int si;
    private final AVPacket pkt = avcodec.av_packet_alloc();
    private final AVFrame frame = avutil.av_frame_alloc();
    private final AVFrame downloaded = avutil.av_frame_alloc();
    private AVCodecContext cc;
    private HardwareDecoding.Attempt hardware;
    private FrameIndex index;
    private VideoFormat format;
    private DecoderInfo info;
    private FramePixels pixels;
    /** Size of the pictures handed out: the coded size unless {@link #scaleTo} asked for less. */
    private int outWidth;
    private int outHeight;
    /** Pictures are handed out in RGBA ({@link #deliverRgba}). */
    private boolean rgba;
    /** {@link #frame} holds a decoded frame not handed out yet. */
    private boolean pending;
    private boolean inputEnded;
    private int errorsInARow;
    /** Index the next frame handed out by {@link #next} should have. */
    private int nextIndex;
    private boolean closed;
    /** Packets of frames nothing refers to; skipped while heading for a later frame. */
    private DisposablePackets disposable;
    /** While seeking: frames before this timestamp are not wanted (Long.MIN_VALUE: every frame is). */
    private long unwantedBefore = Long.MIN_VALUE;
    private long packetsSkipped;
    private long packetsDecoded;
    /** The demuxer seeks by pts: a keyframe's own pts lands on it (see {@link AvInput#seeksByPts}). */
    private final boolean seekByPts;

    /**
     * Opens the stream and decodes its first frame (to check a hardware decoder and the start of the index).
     *
     * @param verified the index was already checked against the decoder's first frame
     */
    VideoDecoder(Path path, DecodeOptions options, FrameIndex index, boolean verified, boolean tryHardware,
            String softwareReason) throws MediaException {
        this.path = path;
        this.options = options;
        this.index = index;
        // the full probe: it sets the decoder's reorder delay as ffmpeg does, which exact frame order relies on
        this.ctx = AvInput.open(path);
        int stream = -1;
        try {
            stream = AvInput.videoStream(path, ctx);
        } finally {
            if (stream < 0) {
                free();
            }
        }
        this.si = stream;
        this.seekByPts = AvInput.seeksByPts(ctx);
        try {
            openCodec(tryHardware);
            disposable = DisposablePackets.of(ctx.streams(si).codecpar());
            // a checked index and software decoding need no first frame now: reopening a file stays cheap
            boolean prime = !verified || hardware.attached() || ctx.streams(si).codecpar().format() < 0;
            if (prime && !receive()) {
                throw new MediaException(path, Problem.CORRUPT, path + ": the decoder gave no picture from its"
                        + " video stream. The file is damaged: copy it again from its source.");
            }
            pending = prime;
            if (!verified) {
                // frames the decoder never outputs at the start (leading frames of an open GOP) are not frames
                this.index = index.startingAt(frame.best_effort_timestamp());
            }
            AVCodecParameters par = ctx.streams(si).codecpar();
            // what the decoder gives, where neither the container nor the probe said
            boolean onDevice = hardware.attached() && frame.format() == hardware.hwPixelFormat();
            int pixFmt = par.format() >= 0 ? par.format() : onDevice ? cc.sw_pix_fmt() : frame.format();
            int space = par.color_space() != avutil.AVCOL_SPC_UNSPECIFIED || !prime ? par.color_space()
                    : frame.colorspace();
            int range = par.color_range() != avutil.AVCOL_RANGE_UNSPECIFIED || !prime ? par.color_range()
                    : frame.color_range();
            PixelFormat pf = FramePixels.targetFor(pixFmt);
            int rotation = FfmpegMediaProbe.rotation(par);
            format = new VideoFormat(par.width(), par.height(), pf, AvInput.string(avutil.av_get_pix_fmt_name(
                    pixFmt)), ColourDefaults.matrix(space, par.height()), ColourDefaults.range(range, pixFmt),
                    this.index.frameRate(), this.index.variableFrameRate(), this.index.frameCount(),
                    this.index.durationMicros(), rotation);
            outWidth = par.width();
            outHeight = par.height();
            pixels = new FramePixels(outWidth, outHeight, pf);
            String codec = AvInput.string(cc.codec().name());
            info = hardware.attached()
                    ? new DecoderInfo(codec, hardware.api(), 1, hardware.api() + " decoded the first frame")
                    : new DecoderInfo(codec, "", Math.max(1, cc.thread_count()), softwareReason.isEmpty()
                            ? (tryHardware ? hardware.reason() : "software decoding asked for") : softwareReason);
        } catch (MediaException | RuntimeException ex) {
            close();
            throw ex;
        }
    }

    private void openCodec(boolean tryHardware) throws MediaException {
        cc = AvInput.decoderFor(path, ctx.streams(si));
        AVCodec codec = avcodec.avcodec_find_decoder(cc.codec_id());
        cc.thread_count(options.threads());
        cc.thread_type(FRAME_AND_SLICE_THREADS);
        hardware = tryHardware ? HardwareDecoding.attach(cc, codec)
                : new HardwareDecoding.Attempt("", -1, "software decoding asked for");
        int err = avcodec.avcodec_open2(cc, codec, (PointerPointer<?>) null);
        if (err < 0) {
            throw new MediaException(path, Problem.CORRUPT, path + ": the " + AvInput.string(codec.name())
                    + " decoder cannot open its video stream (" + AvInput.error(err) + ").");
        }
    }

    FrameIndex index() {
        return index;
    }

    @Override
    public Path file() {
        return path;
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    @Override
    public DecoderInfo decoder() {
        return info;
    }

    @Override
    public DecodedFrame next() throws MediaException {
        checkOpen();
        while (pending || receive()) {
            pending = false;
            int i = indexOfCurrent();
            if (i < nextIndex) {
                // a timestamp the decoder repeats: its frame was handed out already
                continue;
            }
            if (i > nextIndex) {
                LOG.log(Level.FINE, "{0}: frames {1}-{2} skipped by the decoder", new Object[] {path, nextIndex, i - 1});
            }
            nextIndex = i + 1;
            return picture(i);
        }
        if (nextIndex < index.frameCount()) {
            LOG.log(Level.WARNING, "{0}: the decoder ended at frame {1} of {2}", new Object[] {path, nextIndex,
                index.frameCount()});
        }
        nextIndex = index.frameCount();
        return null;
    }

    @Override
    public DecodedFrame seek(long frameIndex) throws MediaException {
        checkOpen();
        int count = index.frameCount();
        if (frameIndex >= count && frameIndex < index.announced() && index.truncated()) {
            throw new MediaException(path, Problem.TRUNCATED, path + ": frame " + frameIndex + " is not in the file:"
                    + " it ends after " + count + " of the " + index.announced() + " frames its container"
                    + " announces (truncated, e.g. an interrupted copy). Copy it again from its source.");
        }
        if (frameIndex < 0 || frameIndex >= count) {
            throw new IndexOutOfBoundsException("frame " + frameIndex + " is outside " + path.getFileName() + " (0-"
                    + (count - 1) + ")");
        }
        int n = (int) frameIndex;
        long target = index.pts()[n];
        unwantedBefore = target;
        try {
            return seekTo(n, target);
        } finally {
            unwantedBefore = Long.MIN_VALUE;
        }
    }

    /** Packets handed to the decoder since the file opened. */
    long packetsDecoded() {
        return packetsDecoded;
    }

    /** Frames decoded on the way to a seek's target and never shown, skipped when nothing refers to them. */
    long packetsSkipped() {
        return packetsSkipped;
    }

    private DecodedFrame seekTo(int n, long target) throws MediaException {
        int key = index.keyframeBefore(n);
        // within the group of pictures being decoded, decoding on is cheaper than a seek
        if (n >= nextIndex && nextIndex > 0 && key <= index.keyframeBefore(nextIndex - 1)
                && decodeTo(target) == Outcome.FOUND) {
            return found(n);
        }
        int[] back = {0, 1, 3, key};
        for (int step : back) {
            int k = Math.max(0, key - step);
            seekToKeyframe(k);
            Outcome outcome = decodeTo(target);
            if (outcome == Outcome.FOUND) {
                return found(n);
            }
            if (outcome == Outcome.ENDED) {
                throw new MediaException(path, Problem.TRUNCATED, path + ": the data ends before frame " + n + " ("
                        + seconds(index.timeOf(n)) + "): the file is truncated or damaged. Copy it again from its"
                        + " source.");
            }
            LOG.log(Level.FINE, "{0}: frame {1} not reached from keyframe {2}; seeking further back",
                    new Object[] {path, n, k});
            if (k == 0) {
                break;
            }
        }
        throw new MediaException(path, Problem.CORRUPT, path + ": the decoder never gives frame " + n + " ("
                + seconds(index.timeOf(n)) + "), even decoding from the start. The stream is damaged there.");
    }

    private DecodedFrame found(int n) throws MediaException {
        pending = false;
        nextIndex = n + 1;
        return picture(n);
    }

    private Outcome decodeTo(long target) throws MediaException {
        while (pending || receive()) {
            pending = false;
            long ts = frame.best_effort_timestamp();
            if (ts == target) {
                pending = true;
                return Outcome.FOUND;
            }
            if (ts > target && ts != avutil.AV_NOPTS_VALUE) {
                pending = true;
                return Outcome.OVERSHOT;
            }
        }
        return Outcome.ENDED;
    }

    private void seekToKeyframe(int k) throws MediaException {
        // by dts (never after the keyframe) unless the demuxer seeks by pts; landing early is never wrong, only slower
        long ts = seekByPts && index.keySeek()[k] != Long.MIN_VALUE / 4 ? index.keyPts()[k] : index.keySeek()[k];
        int err = avformat.av_seek_frame(ctx, si, ts, avformat.AVSEEK_FLAG_BACKWARD);
        if (err < 0) {
            // before the first index entry some demuxers refuse a backward seek: any position up to ts will do
            err = avformat.avformat_seek_file(ctx, si, Long.MIN_VALUE, ts, ts, 0);
        }
        if (err < 0) {
            throw new MediaException(path, Problem.CORRUPT, path + ": cannot seek in it (" + AvInput.error(err)
                    + "). Remux it (e.g. to mp4) or make a proxy.");
        }
        avcodec.avcodec_flush_buffers(cc);
        pending = false;
        inputEnded = false;
        nextIndex = 0;
    }

    /** Decodes the next frame into {@link #frame}; false at the end of the stream. */
    private boolean receive() throws MediaException {
        while (true) {
            int r = avcodec.avcodec_receive_frame(cc, frame);
            if (r >= 0) {
                errorsInARow = 0;
                return true;
            }
            if (r == avutil.AVERROR_EOF) {
                return false;
            }
            if (r != EAGAIN) {
                // as ffmpeg does: a damaged frame is lost, decoding goes on; only a run of them is fatal
                if (++errorsInARow > MAX_ERRORS_IN_A_ROW) {
                    throw new MediaException(path, Problem.CORRUPT, path + ": decoding failed after frame "
                            + (nextIndex - 1) + " (" + AvInput.error(r) + "). The stream is damaged there.");
                }
                LOG.log(Level.FINE, "{0}: a frame failed to decode ({1})", new Object[] {path, AvInput.error(r)});
                continue;
            }
            if (inputEnded) {
                return false;
            }
            int err = avformat.av_read_frame(ctx, pkt);
            if (err < 0) {
                if (err != avutil.AVERROR_EOF) {
                    LOG.log(Level.FINE, "{0}: reading ended with {1}", new Object[] {path, AvInput.error(err)});
                }
                inputEnded = true;
                avcodec.avcodec_send_packet(cc, null);
                continue;
            }
            try {
                if (pkt.stream_index() == si && unwanted(pkt)) {
                    packetsSkipped++;
                } else if (pkt.stream_index() == si) {
                    packetsDecoded++;
                    int s = avcodec.avcodec_send_packet(cc, pkt);
                    if (s < 0 && s != EAGAIN) {
                        // as ffmpeg does: a damaged packet costs its frame, decoding goes on
                        LOG.log(Level.FINE, "{0}: packet at {1} refused ({2})", new Object[] {path, pkt.pts(),
                            AvInput.error(s)});
                    }
                }
            } finally {
                avcodec.av_packet_unref(pkt);
            }
        }
    }

    /** A packet of a frame before the seek's target that no other frame refers to: not worth decoding. */
    private boolean unwanted(AVPacket p) {
        long pts = p.pts();
        return unwantedBefore != Long.MIN_VALUE && pts != avutil.AV_NOPTS_VALUE && pts < unwantedBefore
                && disposable.disposable(p);
    }

    private int indexOfCurrent() {
        long ts = frame.best_effort_timestamp();
        if (ts == avutil.AV_NOPTS_VALUE) {
            return Math.min(nextIndex, index.frameCount() - 1);
        }
        int i = index.find(ts);
        return i >= 0 ? i : Math.min(-i - 1, index.frameCount() - 1);
    }

    /** Copies {@link #frame} (downloaded from the device first for hardware decoding) into a frame buffer. */
    private DecodedFrame picture(int i) throws MediaException {
        AVFrame src = frame;
        if (hardware.attached() && frame.format() == hardware.hwPixelFormat()) {
            avutil.av_frame_unref(downloaded);
            int err = avutil.av_hwframe_transfer_data(downloaded, frame, 0);
            if (err < 0) {
                throw new MediaException(path, Problem.CORRUPT, path + ": frame " + i + " cannot be copied from the "
                        + hardware.api() + " decoder (" + AvInput.error(err) + ").");
            }
            src = downloaded;
        }
        PixelFormat pf = pixels.target();
        FrameBuffers.Lease lease = FrameBuffers.take(pf.frameBytes(outWidth, outHeight), options.bufferPriority());
        try {
            pixels.copy(src, lease.buffer());
            return new DecodedPicture(i, index.timeOf(i), index.durationOf(i), new Frame(outWidth, outHeight, pf,
                    lease.buffer()), lease);
        } catch (RuntimeException ex) {
            lease.release();
            throw ex;
        }
    }

    @Override
    public void scaleTo(int width, int height) {
        int w = width <= 0 ? format.width() : Math.min(format.width(), Math.max(2, width + (width & 1)));
        int h = height <= 0 ? format.height() : Math.min(format.height(), Math.max(2, height + (height & 1)));
        if (w != outWidth || h != outHeight) {
            outWidth = w;
            outHeight = h;
            newPixels();
        }
    }

    @Override
    public boolean deliverRgba(boolean rgba) {
        checkOpen();
        if (rgba != this.rgba) {
            this.rgba = rgba;
            newPixels();
        }
        return true;
    }

    private void newPixels() {
        pixels.close();
        pixels = rgba ? new FramePixels(outWidth, outHeight, PixelFormat.RGBA8, format.matrix(), format.range())
                : new FramePixels(outWidth, outHeight, format.pixelFormat());
    }

    @Override
    public long frameAt(long timeMicros) {
        return index.frameAtMicros(timeMicros);
    }

    @Override
    public long timeOf(long frameIndex) {
        if (frameIndex < 0 || frameIndex >= index.frameCount()) {
            throw new IndexOutOfBoundsException("frame " + frameIndex + " is outside " + path.getFileName() + " (0-"
                    + (index.frameCount() - 1) + ")");
        }
        return index.timeOf((int) frameIndex);
    }

    /** True once the first frame came out of the hardware decoder and could be copied. */
    boolean hardwareWorks() {
        if (!hardware.attached()) {
            return false;
        }
        try {
            picture(0).close();
            return true;
        } catch (MediaException | RuntimeException ex) {
            LOG.log(Level.INFO, "{0}: {1} decoding does not work here ({2}); decoding in software",
                    new Object[] {path, hardware.api(), ex.getMessage()});
            return false;
        }
    }

    HardwareDecoding.Attempt hardware() {
        return hardware;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(path + ": the frame source is closed");
        }
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pixels != null) {
            pixels.close();
        }
        if (cc != null) {
            avcodec.avcodec_free_context(cc);
        }
        free();
    }

    private void free() {
        avcodec.av_packet_free(pkt);
        avutil.av_frame_free(frame);
        avutil.av_frame_free(downloaded);
        avformat.avformat_close_input(ctx);
    }
}
