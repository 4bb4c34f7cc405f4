package org.tsperf.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tsperf.api.cluster.ClusterSettings;

/**
 * A worker in a JVM of its own, for the cluster's tests: {@code NAME PORT MEMBERS MEDIA_ROOT SECRET_FILE [forge]}.
 * Prints {@code ready HOST:PORT} once joined; {@code forge} changes each result after it is signed (a member
 * whose results are forged). Ends when its standard input closes, so a test that dies takes its workers along.
 */
public final class WorkerChild {

    private WorkerChild() {
    }

    public static void main(String[] args) throws Exception {
        ClusterSettings settings = new ClusterSettings(args[0], Arrays.asList(args[2].split(",")), "127.0.0.1",
                Integer.parseInt(args[1]), List.of(Path.of(args[3])), Path.of(args[4]));
        boolean forge = args.length > 5 && args[5].equals("forge");
        UnaryOperator<SegmentResult> filter = forge
                ? r -> r.ok ? new SegmentResult(r.jobId, r.index, r.nonce, r.member, r.address, true, r.reason,
                        r.fileName, r.size, "0".repeat(64), r.micros, r.mac) : r
                : UnaryOperator.identity();
        WorkerNode worker = WorkerNode.start(settings, filter);
        System.out.println("ready " + worker.address());
        System.out.flush();
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // nothing is sent; end of input means the test is gone
                }
            } catch (IOException ex) {
                // the same: the test is gone
            }
            worker.close();
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        worker.awaitStop();
        System.exit(0);
    }
}
