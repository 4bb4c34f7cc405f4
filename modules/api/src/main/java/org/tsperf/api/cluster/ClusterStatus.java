package org.tsperf.api.cluster;

import java.util.List;

/**
 * The cluster as the monitor shows it.
 *
 * @param name        the cluster's name
 * @param members     every member, this one included
 * @param inFlight    segments being rendered now
 * @param framesDone  frames of the running export done, all segments together (0 when none runs)
 * @param framesTotal frames of the running export (0 when none runs)
 */
public record ClusterStatus(String name, List<MemberStatus> members, List<SegmentInFlight> inFlight,
        long framesDone, long framesTotal) {

    public ClusterStatus {
        members = List.copyOf(members);
        inFlight = List.copyOf(inFlight);
    }
}
