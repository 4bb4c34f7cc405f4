package org.tsperf.api.cluster;

/**
 * A segment being rendered.
 *
 * @param jobId      its job
 * @param index      its place in the export
 * @param member     the member rendering it
 * @param framesDone frames made so far
 * @param frames     frames in the segment
 */
public record SegmentInFlight(String jobId, int index, String member, long framesDone, long frames) {
}
