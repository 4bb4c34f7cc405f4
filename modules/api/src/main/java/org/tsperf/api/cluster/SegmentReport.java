package org.tsperf.api.cluster;

/**
 * One rendered segment of a cluster export.
 *
 * @param index    its place in the export
 * @param in       first timeline frame
 * @param out      the frame after its last
 * @param member   the member that rendered it ({@code HOST:PORT}), or {@code "resumed"} when found done
 * @param attempts how many times it was handed out
 * @param seconds  the worker's render time
 */
public record SegmentReport(int index, long in, long out, String member, int attempts, double seconds) {
}
