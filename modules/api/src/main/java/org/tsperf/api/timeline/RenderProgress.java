package org.tsperf.api.timeline;

/**
 * Where a running export or preview render is.
 *
 * @param framesDone    frames made so far
 * @param framesTotal   frames to make
 * @param realTimeSpeed frames made per second over the project's rate (2.0: twice real time)
 * @param etaSeconds    seconds left at the current speed, or -1 while unknown
 */
public record RenderProgress(long framesDone, long framesTotal, double realTimeSpeed, double etaSeconds) {
}
