package org.tsperf.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.ClusterWorker;
import org.tsperf.api.cluster.MemberStatus;

/** What the monitor reads: the workers and sessions this process runs, in this JVM on 127.0.0.1. */
class RunningClustersTest {

    @Test
    void runningListsTheWorkerAndSessionOfThisProcessUntilTheyClose(@TempDir Path dir) throws Exception {
        ClusterService service = new HazelcastClusterService();
        assertTrue(service.running().isEmpty(), "nothing runs before a method is called");
        try (LocalCluster cluster = new LocalCluster(dir, 1)) {
            ClusterWorker worker = service.startWorker(new ClusterSettings(cluster.name, cluster.members,
                    "127.0.0.1", cluster.basePort + 1, List.of(cluster.media), cluster.secret));
            try {
                List<ClusterStatus> running = service.running();
                assertEquals(1, running.size());
                assertEquals(cluster.name, running.get(0).name());
                assertEquals(List.of(new MemberStatus(worker.address(), "worker", -1, 0, 0).address()),
                        running.get(0).members().stream().map(MemberStatus::address).toList());
                assertTrue(running.get(0).inFlight().isEmpty(), "no segment handed out");

                try (ClusterSession session = service.connect(new ClusterSettings(cluster.name, cluster.members,
                        "127.0.0.1", cluster.basePort, List.of(), cluster.secret))) {
                    LocalCluster.await("the session to see the worker prove it holds the secret", 30, () -> {
                        List<ClusterStatus> both = service.running();
                        return both.size() == 2 && both.get(1).members().stream()
                                .anyMatch(m -> m.address().equals(worker.address()) && m.role().equals("worker"));
                    });
                    ClusterStatus fromWorker = service.running().get(0);
                    assertTrue(fromWorker.members().stream().anyMatch(m -> m.role().equals("coordinator")),
                            "the worker sees the coordinator join: " + fromWorker.members());
                }
                LocalCluster.await("the closed session to drop out", 10, () -> service.running().size() == 1);
            } finally {
                worker.close();
            }
            assertTrue(service.running().isEmpty(), "a closed worker is not listed");
        }
    }
}
