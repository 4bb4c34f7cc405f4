package org.tsperf.playback;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.media.AudioSource;
import org.tsperf.api.media.MediaException;

/**
 * Plays the file's sound on a sink and is the clock while it does (the device's position: what the ear hears is
 * what the eye must match). When the sound ends before the pictures, the clock goes on from its last position.
 */
final class AudioOutput implements PlaybackClock, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AudioOutput.class.getName());

    private final AudioSource source;
    private final AudioSink sink;
    private Thread feeder;
    private volatile boolean ended;
    private long lastPlayed = -1;
    private long lastChangeNanos;

    AudioOutput(AudioSource source, AudioSink sink) {
        this.source = source;
        this.sink = sink;
    }

    @Override
    public synchronized void start(long mediaMicros) {
        stop();
        try {
            source.seek(Math.max(0, mediaMicros));
        } catch (MediaException ex) {
            LOG.log(Level.WARNING, "sound of {0} cannot be played from {1} us: {2}",
                    new Object[] {source.file(), mediaMicros, ex.getMessage()});
            ended = true;
            return;
        }
        ended = false;
        lastPlayed = -1;
        sink.start();
        feeder = new Thread(this::feed, "Playback sound");
        feeder.setDaemon(true);
        feeder.start();
    }

    private void feed() {
        byte[] buffer = new byte[source.format().bytesPerFrame() * 2048];
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int n = source.read(buffer, 0, buffer.length);
                if (n < 0) {
                    break;
                }
                sink.write(buffer, 0, n);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (MediaException ex) {
            LOG.log(Level.WARNING, "sound of {0} stopped: {1}", new Object[] {source.file(), ex.getMessage()});
        } finally {
            ended = true;
        }
    }

    @Override
    public synchronized long elapsedNanos() {
        long now = System.nanoTime();
        long played = sink.playedMicros();
        if (played != lastPlayed) {
            lastPlayed = played;
            lastChangeNanos = now;
            return played * 1000;
        }
        // the sound has run out (or never started): go on from where it stopped
        return ended ? played * 1000 + (now - lastChangeNanos) : played * 1000;
    }

    @Override
    public synchronized void stop() {
        Thread f = feeder;
        feeder = null;
        if (f != null) {
            f.interrupt();
            sink.stop();
            try {
                f.join(2000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        sink.close();
        source.close();
    }
}
