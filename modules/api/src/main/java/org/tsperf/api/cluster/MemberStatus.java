package org.tsperf.api.cluster;

/**
 * A member of the cluster as the monitor shows it.
 *
 * @param address         {@code HOST:PORT}
 * @param role            {@code "worker"}, {@code "coordinator"} or {@code "untrusted"} (a member that did not
 *                        prove it holds the secret: it gets no work), {@code "joining"} (not yet answered), or,
 *                        seen from a worker, which checks no other member, {@code "member"} for another data member
 * @param cpuPercent      the machine's CPU load, 0-100, or -1 when not known
 * @param segmentsRunning segments it renders now
 * @param segmentsDone    segments it finished since it started
 */
public record MemberStatus(String address, String role, double cpuPercent, int segmentsRunning, int segmentsDone) {
}
