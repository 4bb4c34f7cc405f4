package org.tsperf.playback;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The presentation thread: shows each picture when the clock reaches its tick. A picture more than a frame late is
 * dropped only while the read-ahead is low (the decoder cannot keep up) and never more than two in a row; a late
 * one that is shown counts as late.
 */
final class Presenter implements Runnable {

    /** Pictures made ahead before the clock of a run starts. */
    static final int PREROLL = 4;
    static final long PREROLL_MAX_NANOS = 250_000_000L;
    /** The read-ahead is "low" below this many pictures. */
    static final int LOW_WATER = 2;

    private final FilePlayer player;
    private final Transport transport;
    private final BlockingQueue<Slot> queue;
    private final boolean paced;
    private volatile boolean closed;
    /** The thread running this presenter, interrupted by {@link #close()} when it waits with nothing to show. */
    private volatile Thread runner;
    /** The run being presented: its generation, its clock, the tick of its first picture. */
    private volatile long runGeneration = -1;
    private volatile PlaybackClock runClock;
    private volatile long intervalNanos = 33_333_333L;

    Presenter(FilePlayer player, Transport transport, BlockingQueue<Slot> queue, boolean paced) {
        this.player = player;
        this.transport = transport;
        this.queue = queue;
        this.paced = paced;
    }

    void close() {
        closed = true;
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    /** True when the picture of {@code tick} of this generation is already past due. */
    boolean isOverdue(long generation, long tick) {
        PlaybackClock clock = runClock;
        return paced && clock != null && runGeneration == generation
                && clock.elapsedNanos() > (tick + 1) * intervalNanos;
    }

    @Override
    public void run() {
        runner = Thread.currentThread();
        if (closed) {
            return;
        }
        while (!closed) {
            Slot s;
            try {
                // during a run: look every 100 ms whether the user left it (the sound stops then); with no run
                // (paused, nothing open) wait for the next picture, or for close(): an idle Viewer wakes no thread
                s = runGeneration != -1 ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.take();
            } catch (InterruptedException ex) {
                if (!closed) {
                    Thread.currentThread().interrupt();
                    return;
                }
                break; // close() woke it
            }
            if (s == null) {
                if (runGeneration != -1 && runGeneration != transport.current().generation()) {
                    endRun(); // paused or sought and nothing came yet: the sound stops now
                }
                continue;
            }
            Transport.Command c = transport.current();
            if (s.generation() != c.generation()) {
                continue; // made for a seek or speed the user has left
            }
            if (c.speed() == 0 || !paced) {
                endRun();
                if (s.isEnd()) {
                    player.endReached(s.generation(), s.lastIndex());
                } else {
                    player.present(s.picture(), c);
                }
                continue;
            }
            if (s.isEnd()) {
                // everything before it was shown: stop on the last frame
                player.endReached(s.generation(), s.lastIndex());
                continue;
            }
            if (runGeneration != s.generation()) {
                startRun(s, c);
            }
            long due = s.tick() * intervalNanos;
            if (!waitUntil(due, s.generation())) {
                continue;
            }
            long lateness = runClock.elapsedNanos() - due;
            if (lateness > intervalNanos && queue.size() < LOW_WATER && player.reserveDrop()) {
                player.dropped(true);
                continue;
            }
            if (lateness > intervalNanos / 2) {
                player.lateFrame();
            }
            player.present(s.picture(), c);
        }
        Thread.interrupted(); // close()'s wake-up is spent: stopping the clock must not see it
        endRun();
    }

    private void startRun(Slot first, Transport.Command c) {
        endRun();
        preroll(first.generation());
        intervalNanos = (long) (1e9 / Math.max(1, player.frameRate()));
        PlaybackClock clock = player.clockFor(c.speed());
        clock.start(first.picture().timeMicros());
        runClock = clock;
        runGeneration = first.generation();
    }

    /**
     * Lets the decoder get ahead before the clock starts (as players pre-roll): until the read-ahead holds
     * {@link #PREROLL} pictures or {@link #PREROLL_MAX_NANOS} have passed, so the first frames are not late.
     */
    private void preroll(long generation) {
        long end = System.nanoTime() + PREROLL_MAX_NANOS;
        while (queue.size() < PREROLL && System.nanoTime() < end && !closed
                && transport.current().generation() == generation) {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    private void endRun() {
        PlaybackClock clock = runClock;
        runClock = null;
        runGeneration = -1;
        if (clock != null) {
            clock.stop();
        }
    }

    /** Sleeps until the run's clock reaches {@code dueNanos}; false when the user changed course meanwhile. */
    private boolean waitUntil(long dueNanos, long generation) {
        while (!closed) {
            if (transport.current().generation() != generation) {
                return false;
            }
            long wait = dueNanos - runClock.elapsedNanos();
            if (wait <= 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(wait, 2_000_000L));
        }
        return false;
    }
}
