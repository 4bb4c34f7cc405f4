package org.tsperf.playback;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.cache.PlaybackHint;

/**
 * Writes a player's frame-cache requests and hints as a replay trace, in the order they happen: {@code CLIP:fN SIZE}
 * for each picture asked of the cache, {@code @play CLIP N S}, {@code @loop CLIP A B}, {@code @scrub CLIP N} for the
 * hints. Thread-safe (the decoder asks, the presenter hints). A write error stops the trace, never the playback.
 */
final class TraceRecorder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TraceRecorder.class.getName());
    /** Records nothing. */
    static final TraceRecorder NONE = new TraceRecorder(null, null);

    private final Path file;
    private BufferedWriter out;
    private String lastHint = "";

    private TraceRecorder(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    static TraceRecorder to(Path file) {
        try {
            return new TraceRecorder(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the cache trace {0} cannot be written: {1}", new Object[] {file, ex.getMessage()});
            return NONE;
        }
    }

    synchronized void request(String clip, long index, long bytes) {
        write(clip + ":f" + index + " " + bytes);
    }

    /** A hint line, unless it says what the one before said. */
    synchronized void hint(PlaybackHint h) {
        String line = switch (h.mode()) {
            case PLAY -> "@play " + h.clip() + " " + h.frame() + " " + h.step();
            case LOOP -> "@loop " + h.clip() + " " + h.loopFirst() + " " + h.loopLast();
            case SCRUB -> "@scrub " + h.clip() + " " + h.frame();
            case STOP -> "";
        };
        if (!line.isEmpty() && !line.equals(lastHint)) {
            lastHint = line;
            write(line);
        }
    }

    private void write(String line) {
        if (out == null) {
            return;
        }
        try {
            out.write(line);
            out.newLine();
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the cache trace {0} stopped: {1}", new Object[] {file, ex.getMessage()});
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "the cache trace {0} may be incomplete: {1}",
                        new Object[] {file, ex.getMessage()});
            }
            out = null;
        }
    }
}
