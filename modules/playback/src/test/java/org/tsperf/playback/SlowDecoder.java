package org.tsperf.playback;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.tsperf.api.media.AudioFormat;
import org.tsperf.api.media.AudioSource;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.DecoderInfo;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.VideoFormat;

/** The real decoder, slowed on purpose: every decoded frame takes at least {@code nanosPerFrame}. */
final class SlowDecoder implements MediaDecoder {

    private final MediaDecoder real;
    private final long nanosPerFrame;

    SlowDecoder(MediaDecoder real, long nanosPerFrame) {
        this.real = real;
        this.nanosPerFrame = nanosPerFrame;
    }

    @Override
    public FrameSource open(Path file, DecodeOptions options) throws MediaException {
        FrameSource s = real.open(file, options);
        return new FrameSource() {
            @Override
            public Path file() {
                return s.file();
            }

            @Override
            public VideoFormat format() {
                return s.format();
            }

            @Override
            public DecoderInfo decoder() {
                return s.decoder();
            }

            @Override
            public DecodedFrame next() throws MediaException {
                return slowly(s.next());
            }

            @Override
            public DecodedFrame seek(long index) throws MediaException {
                return slowly(s.seek(index));
            }

            private DecodedFrame slowly(DecodedFrame f) {
                long end = System.nanoTime() + nanosPerFrame;
                while (System.nanoTime() < end) {
                    LockSupport.parkNanos(end - System.nanoTime());
                }
                return f;
            }

            @Override
            public void scaleTo(int width, int height) {
                s.scaleTo(width, height);
            }

            @Override
            public boolean deliverRgba(boolean rgba) {
                return s.deliverRgba(rgba);
            }

            @Override
            public long frameAt(long timeMicros) {
                return s.frameAt(timeMicros);
            }

            @Override
            public long timeOf(long index) {
                return s.timeOf(index);
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    @Override
    public AudioSource openAudio(Path file, AudioFormat format) throws MediaException {
        return real.openAudio(file, format);
    }

    @Override
    public boolean hasAudio(Path file) {
        return real.hasAudio(file);
    }
}
