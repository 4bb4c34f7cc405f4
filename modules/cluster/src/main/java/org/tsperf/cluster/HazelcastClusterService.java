package org.tsperf.cluster;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.ClusterWorker;

/** Distributed rendering on embedded Hazelcast; nothing starts until a method here is called. */
@ServiceProvider(service = ClusterService.class)
public final class HazelcastClusterService implements ClusterService {

    private final RunningMembers running = new RunningMembers();

    @Override
    public ClusterWorker startWorker(ClusterSettings settings) throws IOException {
        return running.add(WorkerNode.start(settings, UnaryOperator.identity()));
    }

    @Override
    public ClusterSession connect(ClusterSettings settings) throws IOException {
        return running.add(CoordinatorSession.connect(settings));
    }

    @Override
    public List<ClusterStatus> running() {
        return running.statuses();
    }
}
