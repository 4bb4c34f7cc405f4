package org.tsperf.media.decode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.media.AudioFormat;
import org.tsperf.api.media.AudioSource;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaException.Problem;
import org.tsperf.media.FfmpegMediaProbe;

/**
 * {@link MediaDecoder} on libavformat/libavcodec: frame-exact sources over a per-file {@link FrameIndex} (kept in
 * an in-process cache), hardware decoding where a device decodes the first frame, else multi-threaded software.
 * Frames that cannot get memory from the memory manager within {@link FrameBuffers#WAIT} fail with an
 * {@link IllegalStateException}.
 */
@ServiceProvider(service = MediaDecoder.class)
public final class FfmpegMediaDecoder implements MediaDecoder {

    private static final Logger LOG = Logger.getLogger(FfmpegMediaDecoder.class.getName());
    private static final FrameIndexCache INDEXES = new FrameIndexCache();

    static {
        // FFmpeg's own log lines would mix with the command line's output; errors are reported as exceptions
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    @Override
    public FrameSource open(Path file, DecodeOptions options) throws MediaException {
        Path path = file.toAbsolutePath().normalize();
        FfmpegMediaProbe.checkReadable(path);
        FrameIndexCache.Key key = key(path);
        Optional<FrameIndex> known = INDEXES.get(key);
        FrameIndex index;
        if (known.isPresent()) {
            index = known.get();
        } else {
            long start = System.nanoTime();
            index = FrameIndexScanner.scan(path);
            LOG.log(Level.FINE, "{0}: frame index of {1} frames built in {2} ms", new Object[] {path,
                index.frameCount(), (System.nanoTime() - start) / 1_000_000});
        }
        VideoDecoder source = openChecked(path, options, index, known.isPresent());
        if (known.isEmpty()) {
            INDEXES.put(key, source.index());
        }
        return source;
    }

    /** Opens with a hardware decoder when asked and it decodes the first frame, else in software. */
    private static VideoDecoder openChecked(Path path, DecodeOptions options, FrameIndex index, boolean verified)
            throws MediaException {
        if (!options.hardware()) {
            return new VideoDecoder(path, options, index, verified, false, "");
        }
        String why;
        try {
            VideoDecoder d = new VideoDecoder(path, options, index, verified, true, "");
            if (!d.hardware().attached() || d.hardwareWorks()) {
                return d;
            }
            why = d.hardware().api() + " opened but could not hand out its first frame";
            d.close();
        } catch (MediaException ex) {
            why = "the hardware decoder failed on the first frame (" + ex.getMessage() + ")";
        }
        LOG.log(Level.INFO, "{0}: {1}; decoding in software", new Object[] {path, why});
        return new VideoDecoder(path, options, index, verified, false, why);
    }

    @Override
    public AudioSource openAudio(Path file, AudioFormat format) throws MediaException {
        Path path = file.toAbsolutePath().normalize();
        FfmpegMediaProbe.checkReadable(path);
        return new AudioDecoder(path, format, videoStart(path));
    }

    @Override
    public boolean hasAudio(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            AVFormatContext ctx = AvInput.open(path);
            try {
                return AvInput.firstStream(ctx, avutil.AVMEDIA_TYPE_AUDIO) >= 0;
            } finally {
                avformat.avformat_close_input(ctx);
            }
        } catch (MediaException ex) {
            LOG.log(Level.FINE, "no audio: {0}", ex.getMessage());
            return false;
        }
    }

    /** Microseconds (stream-independent) of the first video frame, the audio clock's zero; empty without video. */
    private Optional<Long> videoStart(Path path) throws MediaException {
        Optional<FrameIndex> known = INDEXES.get(key(path));
        if (known.isEmpty()) {
            try (FrameSource s = open(path, DecodeOptions.background())) {
                known = INDEXES.get(key(path));
            } catch (MediaException ex) {
                // no usable video: the sound keeps its own clock
                if (ex.problem() != Problem.NO_VIDEO) {
                    LOG.log(Level.INFO, "{0}: audio on its own clock, the video cannot be read ({1})",
                            new Object[] {path, ex.getMessage()});
                }
            }
        }
        return known.map(i -> i.toMicros(i.pts()[0]));
    }

    private static FrameIndexCache.Key key(Path path) throws MediaException {
        try {
            return FrameIndexCache.Key.of(path);
        } catch (IOException ex) {
            throw new MediaException(path, Problem.UNREADABLE, path + ": cannot be read (" + ex.getMessage() + ").",
                    ex);
        }
    }

    /** Forgets the built indexes (tests measure building them). */
    static void forgetIndexes() {
        INDEXES.clear();
    }
}
