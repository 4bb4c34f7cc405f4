package org.tsperf.playback;

/**
 * What the user asked for, as a sequence of commands: each seek, speed or loop change is a new generation, and
 * pictures made for an older generation are thrown away. Thread-safe.
 */
final class Transport {

    /** One state of the transport. {@code scrub}: the seek came from dragging the playhead. */
    record Command(long generation, long position, int speed, long loopIn, long loopOut, boolean scrub) {

        boolean hasLoop() {
            return loopIn >= 0;
        }
    }

    private Command current = new Command(0, 0, 0, -1, -1, false);
    /** Wake-ups without a new command (a resize, closing): a waiting thread returns for them too. */
    private long wakes;

    synchronized Command current() {
        return current;
    }

    synchronized Command seek(long position, boolean scrub) {
        return set(new Command(current.generation + 1, position, current.speed, current.loopIn, current.loopOut,
                scrub));
    }

    synchronized Command speed(int speed, long from) {
        return set(new Command(current.generation + 1, from, speed, current.loopIn, current.loopOut, false));
    }

    synchronized Command loop(long in, long out, long from) {
        return set(new Command(current.generation + 1, from, current.speed, in, out, false));
    }

    /** A new file: position 0, paused, no loop. */
    synchronized Command reset() {
        return set(new Command(current.generation + 1, 0, 0, -1, -1, false));
    }

    /**
     * Waits until the generation moves past {@code generation}, {@link #wake()} is called or the time is up; returns
     * the command then.
     */
    synchronized Command awaitChange(long generation, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        long woken = wakes;
        while (current.generation == generation && wakes == woken) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return current;
    }

    /** Wakes threads waiting for a change without changing anything (a new view size, closing). */
    synchronized void wake() {
        wakes++;
        notifyAll();
    }

    private Command set(Command c) {
        current = c;
        notifyAll();
        return c;
    }
}
