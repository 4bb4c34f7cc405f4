package org.tsperf.playback;

/**
 * The time frames are presented at, counted from the start of a run of frames (a play after a seek or a speed
 * change): the sound device's position while sound plays, a monotonic clock otherwise.
 */
interface PlaybackClock {

    /** Starts a run whose first frame is at {@code mediaMicros} in the file. */
    void start(long mediaMicros);

    /** Time since {@link #start}, nanoseconds. */
    long elapsedNanos();

    /** Ends the run (pause, seek, close). */
    void stop();

    /** The monotonic clock: {@link System#nanoTime()}. */
    final class Monotonic implements PlaybackClock {
        private volatile long startNanos = System.nanoTime();

        @Override
        public void start(long mediaMicros) {
            startNanos = System.nanoTime();
        }

        @Override
        public long elapsedNanos() {
            return System.nanoTime() - startNanos;
        }

        @Override
        public void stop() {
            // nothing runs
        }
    }
}
