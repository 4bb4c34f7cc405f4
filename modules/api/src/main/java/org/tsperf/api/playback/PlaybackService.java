package org.tsperf.api.playback;

/**
 * Players of media (and, once the timeline lands, of timelines). Provided through Lookup by the playback module.
 * Thread-safe.
 */
public interface PlaybackService {

    /** A new, empty player. Close it when done: it owns decoder threads and native memory. */
    Player createPlayer(PlayerOptions options);
}
