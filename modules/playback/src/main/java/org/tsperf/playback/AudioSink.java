package org.tsperf.playback;

/** Where decoded sound goes: a sound device, or a silent sink that consumes it at the device's pace. */
interface AudioSink extends AutoCloseable {

    /** Starts a run: the played position counts from 0. */
    void start();

    /** Queues samples (interleaved s16le); blocks while the device's buffer is full. */
    void write(byte[] samples, int offset, int length) throws InterruptedException;

    /** Microseconds of sound of this run that have left the device (the audio clock). */
    long playedMicros();

    /** Ends the run, dropping what is queued. */
    void stop();

    @Override
    void close();
}
