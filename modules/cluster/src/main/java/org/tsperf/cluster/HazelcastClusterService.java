package org.tsperf.cluster;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.ClusterWorker;

/** Distributed rendering on embedded Hazelcast; nothing starts until a method here is called. */
@ServiceProvider(service = ClusterService.class)
public final class HazelcastClusterService implements ClusterService {

    @Override
    public ClusterWorker startWorker(ClusterSettings settings) throws IOException {
        return WorkerNode.start(settings, UnaryOperator.identity());
    }

    @Override
    public ClusterSession connect(ClusterSettings settings) throws IOException {
        return CoordinatorSession.connect(settings);
    }
}
