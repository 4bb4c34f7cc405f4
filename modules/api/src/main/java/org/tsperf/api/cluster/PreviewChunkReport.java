package org.tsperf.api.cluster;

/**
 * A preview chunk rendered on the cluster and stored in the coordinator's preview cache.
 *
 * @param item     its place among the chunks handed out (as {@link MemberFailure#segment()} counts them)
 * @param index    the chunk's index in the project's preview
 * @param start    its first frame
 * @param end      the frame after its last
 * @param member   the member that rendered it ({@code HOST:PORT}; for a resumed chunk the one its result names)
 * @param attempts how many times it was handed out (0: found rendered from an earlier run)
 * @param seconds  the worker's time
 */
public record PreviewChunkReport(int item, int index, long start, long end, String member, int attempts,
        double seconds) {
}
