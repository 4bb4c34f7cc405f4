package org.tsperf.cluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tsperf.api.cluster.ClusterSettings;

/**
 * A worker that holds the secret but forges its results, for the cli's cluster tests: the worker's own code
 * ({@link WorkerNode}), each result changed after it is signed (its SHA-256 zeroed), so its signature no longer
 * verifies. Takes the {@code tsperf worker} options ({@code --cluster --member --port --media-root --secret-file}),
 * prints the line {@code tsperf worker} prints once joined, and runs until it is killed.
 */
public final class ForgingWorker {

    private ForgingWorker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        ClusterSettings settings = new ClusterSettings(o.get("--cluster"), Arrays.asList(o.get("--member")
                .split(",")), "127.0.0.1", Integer.parseInt(o.get("--port")), List.of(Path.of(o.get("--media-root"))),
                Path.of(o.get("--secret-file")));
        WorkerNode worker = WorkerNode.start(settings, r -> r.ok ? new SegmentResult(r.jobId, r.index, r.nonce,
                r.member, r.address, true, r.reason, r.fileName, r.size, "0".repeat(64), r.micros, r.mac) : r);
        System.out.println("tsperf worker " + worker.address() + " in cluster " + settings.name() + " (forging)");
        System.out.flush();
        worker.awaitStop();
        System.exit(0);
    }
}
