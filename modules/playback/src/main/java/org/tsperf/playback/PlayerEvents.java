package org.tsperf.playback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.playback.Picture;
import org.tsperf.api.playback.PlayerListener;
import org.tsperf.api.playback.PlayerState;

/**
 * A player's listeners: pictures are told on the presenter thread, states on an events thread of their own (so a
 * command from the event thread never waits for a listener). A failing listener is logged and the others still hear.
 */
final class PlayerEvents {

    private static final Logger LOG = Logger.getLogger(PlayerEvents.class.getName());

    private static final String THREAD = "Playback events";
    private final List<PlayerListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });

    void add(PlayerListener listener) {
        listeners.add(listener);
    }

    void remove(PlayerListener listener) {
        listeners.remove(listener);
    }

    void presented(Picture picture) {
        for (PlayerListener l : listeners) {
            try {
                l.presented(picture);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "a playback listener failed", ex);
            }
        }
    }

    /** Tells the listeners the state {@code state} gives when the events thread runs. */
    void stateChanged(Supplier<PlayerState> state) {
        if (listeners.isEmpty() || events.isShutdown()) {
            return;
        }
        try {
            events.execute(() -> {
                PlayerState s = state.get();
                for (PlayerListener l : listeners) {
                    try {
                        l.stateChanged(s);
                    } catch (RuntimeException ex) {
                        LOG.log(Level.WARNING, "a playback listener failed", ex);
                    }
                }
            });
        } catch (RejectedExecutionException ex) {
            LOG.log(Level.FINE, "player closed while publishing", ex);
        }
    }

    /** Ends the events thread once the states queued are told (waits a second at most, never on itself). */
    void shutdown() {
        events.shutdown();
        if (Thread.currentThread().getName().equals(THREAD)) {
            return; // closed by a listener: the thread ends after this task
        }
        try {
            if (!events.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "a playback listener still runs 1 s after close");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
