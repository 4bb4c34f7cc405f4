package org.tsperf.playback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.tsperf.api.playback.Picture;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerListener;
import org.tsperf.api.playback.PlayerState;

/** Records what a player presents, and waits for conditions on it with deadlines. */
class Recorder implements PlayerListener {

    /** One presented picture and when. */
    record Shown(long index, long timeMicros, long atNanos, byte[] rgba) {
    }

    private final Player player;
    private final List<Shown> shown = new ArrayList<>();
    private final boolean keepPixels;

    Recorder(Player player, boolean keepPixels) {
        this.player = player;
        this.keepPixels = keepPixels;
        player.addListener(this);
    }

    @Override
    public synchronized void presented(Picture p) {
        byte[] pixels = null;
        if (keepPixels) {
            pixels = new byte[p.rgba().width() * p.rgba().height() * 4];
            p.rgba().data().duplicate().clear().get(pixels);
        }
        shown.add(new Shown(p.index(), p.timeMicros(), System.nanoTime(), pixels));
        notifyAll();
    }

    @Override
    public synchronized void stateChanged(PlayerState state) {
        notifyAll();
    }

    synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    synchronized void clear() {
        shown.clear();
    }

    /** Waits until the player's state satisfies the condition; fails with the state when the deadline passes. */
    PlayerState await(Predicate<PlayerState> condition, Duration deadline, String what) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        synchronized (this) {
            while (true) {
                PlayerState s = player.state();
                if (condition.test(s)) {
                    return s;
                }
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what + "; state: " + s);
                }
                wait(Math.min(left, 50));
            }
        }
    }

    /** Waits until a picture with this index was presented. */
    Shown awaitShown(long index, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        synchronized (this) {
            while (true) {
                for (int i = shown.size() - 1; i >= 0; i--) {
                    if (shown.get(i).index() == index) {
                        return shown.get(i);
                    }
                }
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new AssertionError("frame " + index + " not shown within " + deadline.toSeconds()
                            + " s; state: " + player.state());
                }
                wait(Math.min(left, 50));
            }
        }
    }
}
