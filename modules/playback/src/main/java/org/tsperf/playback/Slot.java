package org.tsperf.playback;

import org.tsperf.api.playback.Picture;

/**
 * A picture made for one generation of the transport; {@code tick} is its place in that run (0, 1, 2...): it is due
 * {@code tick} frame intervals after the run's first picture.
 */
record Slot(long generation, long tick, Picture picture) {
}
