package org.tsperf.playback;

import org.tsperf.api.media.AudioFormat;

/**
 * Consumes sound at real-time pace without a device, with a device-like buffer: {@link #playedMicros()} advances
 * with a monotonic clock but never past what was written. Used where no sound device exists in tests that measure
 * audio/video sync on the audio clock.
 */
final class SilentAudioSink implements AudioSink {

    private final AudioFormat format;
    private final long bufferMicros;
    private long startNanos;
    private long writtenFrames;
    private boolean running;

    SilentAudioSink(AudioFormat format, long bufferMicros) {
        this.format = format;
        this.bufferMicros = bufferMicros;
    }

    @Override
    public synchronized void start() {
        startNanos = System.nanoTime();
        writtenFrames = 0;
        running = true;
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] samples, int offset, int length) throws InterruptedException {
        writtenFrames += length / format.bytesPerFrame();
        // like a device: block while more than the buffer is queued beyond what has played
        while (running && micros(writtenFrames) - playedMicros() > bufferMicros) {
            wait(Math.max(1, (micros(writtenFrames) - playedMicros() - bufferMicros) / 1000));
        }
    }

    @Override
    public synchronized long playedMicros() {
        if (!running) {
            return 0;
        }
        return Math.min(micros(writtenFrames), (System.nanoTime() - startNanos) / 1000);
    }

    private long micros(long frames) {
        return frames * 1_000_000L / format.sampleRate();
    }

    @Override
    public synchronized void stop() {
        running = false;
        notifyAll();
    }

    @Override
    public void close() {
        stop();
    }
}
