package org.tsperf.media.decode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.tsperf.api.media.AudioFormat;
import org.tsperf.api.media.AudioSource;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaException.Problem;

/**
 * The first audio stream of a file, decoded and resampled by swresample to interleaved s16le. Sample 0 is at the
 * first video frame of the file (audio that starts later is preceded by silence, audio before it is cut), so the
 * timelines of a file's audio and video are one clock. Seeks land on the exact sample: the decoded frame's leading
 * samples before the target are cut (exact as far as the container's timestamps are: to the sample in WAV, MP4 and
 * MOV; Matroska keeps milliseconds).
 */
final class AudioDecoder implements AudioSource {

    private static final Logger LOG = Logger.getLogger(AudioDecoder.class.getName());
    private static final int EAGAIN = -11;

    private final Path path;
    private final AudioFormat format;
    private final AVFormatContext ctx;
    private final int ai;
    private final AVStream st;
    private final AVCodecContext cc;
    private final AVPacket pkt = avcodec.av_packet_alloc();
    private final AVFrame frame = avutil.av_frame_alloc();
    private final AVChannelLayout outLayout = new AVChannelLayout();
    /** Microseconds (of the file's clock) where sample 0 is. */
    private final long zeroMicros;
    private final long durationMicros;
    private SwrContext swr;
    private BytePointer converted = new BytePointer(0L);
    private final PointerPointer<BytePointer> out = new PointerPointer<>(1);
    /** Bytes decoded and not read yet: {@code queue[head..tail)}. */
    private byte[] queue = new byte[64 * 1024];
    private int head;
    private int tail;
    /** Sample the reader is at, and whether the next decoded frame must be cut or padded to it. */
    private long position;
    private boolean aligning = true;
    private boolean inputEnded;
    private boolean drained;
    private boolean closed;

    AudioDecoder(Path path, AudioFormat format, Optional<Long> videoStartMicros) throws MediaException {
        this.path = path;
        this.format = format;
        this.ctx = AvInput.open(path);
        this.ai = AvInput.firstStream(ctx, avutil.AVMEDIA_TYPE_AUDIO);
        if (ai < 0) {
            avformat.avformat_close_input(ctx);
            throw new MediaException(path, Problem.NOT_MEDIA, path + ": has no audio stream. Ask hasAudio first,"
                    + " or use another file for the sound.");
        }
        this.st = ctx.streams(ai);
        for (int i = 0; i < ctx.nb_streams(); i++) {
            ctx.streams(i).discard(i == ai ? avcodec.AVDISCARD_DEFAULT : avcodec.AVDISCARD_ALL);
        }
        AVCodecContext c;
        try {
            c = AvInput.decoderFor(path, st);
        } catch (MediaException ex) {
            avformat.avformat_close_input(ctx);
            throw ex;
        }
        this.cc = c;
        try {
            AVCodec codec = avcodec.avcodec_find_decoder(cc.codec_id());
            int err = avcodec.avcodec_open2(cc, codec, (PointerPointer<?>) null);
            if (err < 0) {
                throw new MediaException(path, Problem.CORRUPT, path + ": the " + AvInput.string(codec.name())
                        + " decoder cannot open its audio stream (" + AvInput.error(err) + ").");
            }
            avutil.av_channel_layout_default(outLayout, format.channels());
            long audioStart = st.start_time() == avutil.AV_NOPTS_VALUE ? 0 : micros(st.start_time());
            this.zeroMicros = videoStartMicros.orElse(audioStart);
            this.durationMicros = Math.max(0, streamEndMicros(audioStart) - zeroMicros);
            resetResampler();
        } catch (MediaException | RuntimeException ex) {
            close();
            throw ex;
        }
    }

    private long streamEndMicros(long audioStart) {
        if (st.duration() > 0 && st.duration() != avutil.AV_NOPTS_VALUE) {
            return audioStart + micros(st.duration());
        }
        long start = ctx.start_time() == avutil.AV_NOPTS_VALUE ? 0 : ctx.start_time();
        return start + Math.max(0, ctx.duration());
    }

    private long micros(long ticks) {
        return avutil.av_rescale(ticks, 1_000_000L * st.time_base().num(), st.time_base().den());
    }

    private void resetResampler() throws MediaException {
        if (swr != null) {
            swresample.swr_free(swr);
        }
        swr = new SwrContext(null);
        int err = swresample.swr_alloc_set_opts2(swr, outLayout, avutil.AV_SAMPLE_FMT_S16, format.sampleRate(),
                cc.ch_layout(), cc.sample_fmt(), cc.sample_rate(), 0, null);
        if (err >= 0) {
            err = swresample.swr_init(swr);
        }
        if (err < 0) {
            throw new MediaException(path, Problem.CORRUPT, path + ": its audio (" + cc.sample_rate() + " Hz, "
                    + cc.ch_layout().nb_channels() + " channels) cannot be resampled to " + format.sampleRate()
                    + " Hz " + format.channels() + " channels (" + AvInput.error(err) + ").");
        }
    }

    @Override
    public Path file() {
        return path;
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public long durationMicros() {
        return durationMicros;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws MediaException {
        if (closed) {
            throw new IllegalStateException(path + ": the audio source is closed");
        }
        int whole = length / format.bytesPerFrame() * format.bytesPerFrame();
        while (tail - head < format.bytesPerFrame() && !drained) {
            decodeMore();
        }
        int n = Math.min(whole, (tail - head) / format.bytesPerFrame() * format.bytesPerFrame());
        if (n <= 0) {
            return whole == 0 ? 0 : -1;
        }
        System.arraycopy(queue, head, target, offset, n);
        head += n;
        position += n / format.bytesPerFrame();
        return n;
    }

    @Override
    public void seek(long timeMicros) throws MediaException {
        long t = Math.max(0, timeMicros);
        long ts = avutil.av_rescale(zeroMicros + t, st.time_base().den(), 1_000_000L * st.time_base().num());
        int err = avformat.av_seek_frame(ctx, ai, ts, avformat.AVSEEK_FLAG_BACKWARD);
        if (err < 0) {
            err = avformat.avformat_seek_file(ctx, ai, Long.MIN_VALUE, ts, ts, 0);
        }
        if (err < 0) {
            throw new MediaException(path, Problem.CORRUPT, path + ": cannot seek in its audio ("
                    + AvInput.error(err) + ").");
        }
        avcodec.avcodec_flush_buffers(cc);
        resetResampler();
        head = 0;
        tail = 0;
        position = Math.round(t * format.sampleRate() / 1e6);
        aligning = true;
        inputEnded = false;
        drained = false;
    }

    /** Decodes one frame (or drains the resampler at the end) into the queue. */
    private void decodeMore() throws MediaException {
        while (true) {
            int r = avcodec.avcodec_receive_frame(cc, frame);
            if (r >= 0) {
                convert(frame);
                return;
            }
            if (r == avutil.AVERROR_EOF) {
                convert(null);
                drained = true;
                return;
            }
            if (r != EAGAIN) {
                throw new MediaException(path, Problem.CORRUPT, path + ": audio decoding failed ("
                        + AvInput.error(r) + "). The stream is damaged.");
            }
            if (inputEnded) {
                convert(null);
                drained = true;
                return;
            }
            int err = avformat.av_read_frame(ctx, pkt);
            if (err < 0) {
                inputEnded = true;
                avcodec.avcodec_send_packet(cc, null);
                continue;
            }
            try {
                if (pkt.stream_index() == ai) {
                    int s = avcodec.avcodec_send_packet(cc, pkt);
                    if (s < 0 && s != EAGAIN) {
                        LOG.log(Level.FINE, "{0}: audio packet refused ({1})", new Object[] {path, AvInput.error(s)});
                    }
                }
            } finally {
                avcodec.av_packet_unref(pkt);
            }
        }
    }

    /** Resamples a frame (null: what the resampler still holds) and appends it, cut or padded to the position. */
    private void convert(AVFrame in) throws MediaException {
        int inSamples = in == null ? 0 : in.nb_samples();
        int room = swresample.swr_get_out_samples(swr, inSamples);
        if (room <= 0) {
            return;
        }
        int bytes = room * format.bytesPerFrame();
        if (converted.capacity() < bytes) {
            converted.close();
            converted = new BytePointer((long) bytes);
        }
        out.put(0, converted);
        int n = in == null ? swresample.swr_convert(swr, out, room, (PointerPointer<?>) null, 0)
                : swresample.swr_convert(swr, out, room, in.extended_data(), inSamples);
        if (n < 0) {
            throw new MediaException(path, Problem.CORRUPT, path + ": audio resampling failed (" + AvInput.error(n)
                    + ").");
        }
        int skip = 0;
        if (aligning && in != null && in.best_effort_timestamp() != avutil.AV_NOPTS_VALUE) {
            long start = Math.round((micros(in.best_effort_timestamp()) - zeroMicros) * format.sampleRate() / 1e6);
            long cut = position - start;
            // a frame that ends before the target is dropped whole and the next one aligned in its turn
            aligning = cut > n;
            if (cut > 0) {
                skip = (int) Math.min(cut, n);
            } else if (cut < 0) {
                int silence = (int) (-cut) * format.bytesPerFrame();
                ensureRoom(silence);
                Arrays.fill(queue, tail, tail + silence, (byte) 0);
                tail += silence;
            }
        }
        int from = skip * format.bytesPerFrame();
        int length = n * format.bytesPerFrame() - from;
        if (length > 0) {
            ensureRoom(length);
            converted.position(from).get(queue, tail, length);
            converted.position(0);
            tail += length;
        }
    }

    private void ensureRoom(int length) {
        if (tail + length > queue.length) {
            System.arraycopy(queue, head, queue, 0, tail - head);
            tail -= head;
            head = 0;
            if (tail + length > queue.length) {
                queue = Arrays.copyOf(queue, Math.max(queue.length * 2, tail + length));
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (swr != null) {
            swresample.swr_free(swr);
        }
        avcodec.avcodec_free_context(cc);
        avcodec.av_packet_free(pkt);
        avutil.av_frame_free(frame);
        avutil.av_channel_layout_uninit(outLayout);
        converted.close();
        avformat.avformat_close_input(ctx);
    }
}
