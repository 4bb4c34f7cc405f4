package org.tsperf.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.tsperf.api.playback.Picture;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerListener;
import org.tsperf.api.playback.PlayerState;

/** Follows a player: its state changes and the pictures it presents. */
final class PlayerWatcher implements PlayerListener {
    private final Player player;
    private final Object lock = new Object();
    private long changes;
    private final AtomicLong expected = new AtomicLong(-1);
    private final AtomicReference<CountDownLatch> shown = new AtomicReference<>(new CountDownLatch(1));

    PlayerWatcher(Player player) {
        this.player = player;
        player.addListener(this);
    }

    @Override
    public void presented(Picture picture) {
        if (picture.index() == expected.get()) {
            shown.get().countDown();
        }
    }

    @Override
    public void stateChanged(PlayerState state) {
        synchronized (lock) {
            changes++;
            lock.notifyAll();
        }
    }

    /** Waits until the file is open with its first picture shown, or has failed, or the time is up. */
    PlayerState awaitOpened(long timeoutSeconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < end) {
            PlayerState s = player.state();
            if ((s.status() == PlayerState.Status.READY && player.picture().isPresent())
                    || s.status() == PlayerState.Status.FAILED) {
                return s;
            }
            awaitChange(100);
        }
        return player.state();
    }

    /** Waits up to {@code millis} for a state change, then returns the state. */
    PlayerState awaitChange(long millis) throws InterruptedException {
        synchronized (lock) {
            long seen = changes;
            long end = System.nanoTime() + millis * 1_000_000L;
            while (changes == seen) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                lock.wait(left);
            }
        }
        return player.state();
    }

    void expect(long index) {
        shown.set(new CountDownLatch(1));
        expected.set(index);
    }

    boolean awaitShown(long seconds) throws InterruptedException {
        return shown.get().await(seconds, TimeUnit.SECONDS);
    }
}
