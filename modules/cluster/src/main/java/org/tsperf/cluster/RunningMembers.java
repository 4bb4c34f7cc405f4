package org.tsperf.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.cluster.ClusterStatus;

/**
 * The coordinators and workers this process started and has not closed, for {@code ClusterService.running()}: a
 * member whose Hazelcast instance stopped (closed, or shut down by itself) drops out at the next call.
 */
final class RunningMembers {

    /** A member of this process that can describe its cluster without blocking. */
    interface Member {

        boolean isRunning();

        ClusterStatus clusterStatus();
    }

    private static final Logger LOG = Logger.getLogger(RunningMembers.class.getName());

    private final List<Member> members = new CopyOnWriteArrayList<>();

    <M extends Member> M add(M member) {
        members.add(member);
        return member;
    }

    List<ClusterStatus> statuses() {
        List<ClusterStatus> out = new ArrayList<>();
        for (Member m : members) {
            if (!m.isRunning()) {
                members.remove(m);
                continue;
            }
            try {
                out.add(m.clusterStatus());
            } catch (RuntimeException ex) {
                // the instance stopped between the two calls: it drops out next time
                LOG.log(Level.FINE, "no status from a cluster member that is stopping", ex);
            }
        }
        return out;
    }
}
