package org.tsperf.api.playback;

/**
 * Hears a player. Called on the player's own threads, never the event thread: a view copies what it needs and
 * repaints later. Keep it short.
 */
public interface PlayerListener {

    /** A picture is due on screen now. */
    void presented(Picture picture);

    /** The state changed (opened, played, paused, failed, source switched...). */
    void stateChanged(PlayerState state);
}
