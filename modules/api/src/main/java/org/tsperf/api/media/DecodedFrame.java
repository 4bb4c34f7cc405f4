package org.tsperf.api.media;

import org.tsperf.api.gpu.Frame;

/**
 * One decoded picture in its buffer from the memory manager. Close it when done: the buffer goes back to its pool
 * (no allocation per frame).
 */
public interface DecodedFrame extends AutoCloseable {

    /** Index in presentation order, from 0. */
    long index();

    /** Presentation time, microseconds from the first frame. */
    long timeMicros();

    /** How long it is shown, microseconds. */
    long durationMicros();

    /** The picture in {@link VideoFormat#pixelFormat()}, coded size (unturned). Invalid once closed. */
    Frame picture();

    /** Returns the buffer. Idempotent. */
    @Override
    void close();
}
