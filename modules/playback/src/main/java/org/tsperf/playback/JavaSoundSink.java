package org.tsperf.playback;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.tsperf.api.media.AudioFormat;

/** The machine's sound output through javax.sound. */
final class JavaSoundSink implements AudioSink {

    private static final Logger LOG = Logger.getLogger(JavaSoundSink.class.getName());

    private final SourceDataLine line;
    private final AudioFormat format;
    private volatile long startFrame;

    private JavaSoundSink(SourceDataLine line, AudioFormat format) {
        this.line = line;
        this.format = format;
    }

    /** The default output line, or empty where the machine has none (a server, CI under Xvfb). */
    static Optional<AudioSink> open(AudioFormat format) {
        javax.sound.sampled.AudioFormat f = new javax.sound.sampled.AudioFormat(format.sampleRate(), 16,
                format.channels(), true, false);
        try {
            SourceDataLine line = AudioSystem.getSourceDataLine(f);
            // 100 ms of buffer: small enough for a quick start, large enough not to starve on a busy machine
            line.open(f, format.sampleRate() / 10 * format.bytesPerFrame());
            return Optional.of(new JavaSoundSink(line, format));
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException ex) {
            LOG.log(Level.INFO, "no sound output ({0}): playback is silent", ex.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void start() {
        line.flush();
        startFrame = line.getLongFramePosition();
        line.start();
    }

    @Override
    public void write(byte[] samples, int offset, int length) {
        line.write(samples, offset, length);
    }

    @Override
    public long playedMicros() {
        return (line.getLongFramePosition() - startFrame) * 1_000_000L / format.sampleRate();
    }

    @Override
    public void stop() {
        line.stop();
        line.flush();
    }

    @Override
    public void close() {
        line.close();
    }
}
