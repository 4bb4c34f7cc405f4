package org.tsperf.api.cluster;

/**
 * A segment that failed on a member.
 *
 * @param member  the member ({@code HOST:PORT})
 * @param segment the segment's index
 * @param reason  what happened, in words (left the cluster, stopped answering, refused the task, a result that
 *                did not verify, the render's own error)
 */
public record MemberFailure(String member, int segment, String reason) {
}
