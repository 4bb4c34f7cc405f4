package org.tsperf.api.media;

import java.nio.file.Path;

/**
 * An open audio stream, decoded and resampled to one {@link AudioFormat}. Times are microseconds from the first
 * video frame of the same file (so that audio and video of one file share a clock). Not thread-safe.
 */
public interface AudioSource extends AutoCloseable {

    Path file();

    AudioFormat format();

    /** Duration in microseconds. */
    long durationMicros();

    /**
     * Reads the next samples into {@code target} (interleaved s16le, whole sample frames).
     *
     * @return bytes written, or -1 at the end of the stream
     */
    int read(byte[] target, int offset, int length) throws MediaException;

    /** Continues reading at {@code timeMicros} (sample-accurate: leading samples are cut). */
    void seek(long timeMicros) throws MediaException;

    @Override
    void close();
}
