package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.ClusterWorker;
import org.tsperf.api.cluster.MemberStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf worker}: a headless render worker that joins a cluster and renders the export segments handed to it
 * until Ctrl-C.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Join a render cluster as a headless worker: render the export segments the coordinator"
                + " ('./tsperf render --cluster') hands out, reading media and writing segments only under the"
                + " media roots (shared storage). Runs until Ctrl-C.",
            "Listens on 127.0.0.1 unless --bind says otherwise; joins by TCP-IP only (no multicast). Open-source"
                + " Hazelcast authenticates no member: tasks are run only when signed with the secret."})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "NAME", required = true, description = "The cluster's name.")
    String cluster;

    @Option(names = "--media-root", paramLabel = "DIR", arity = "1..*", required = true,
            description = "Folders of shared storage holding the media and the output folders (repeat or list"
                    + " several); a task naming a path outside them is refused.")
    List<Path> mediaRoots;

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (clusterOptions.secretFile == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--secret-file=FILE'");
        }
        ClusterSettings settings;
        try {
            settings = clusterOptions.settings(cluster, mediaRoots.stream().map(p -> p.toAbsolutePath().normalize())
                    .toList());
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        ClusterService service = Services.require(ClusterService.class, "Distributed Rendering");
        ClusterWorker worker = service.startWorker(settings);
        Thread stopper = new Thread(worker::close, "tsperf-worker-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("tsperf worker " + worker.address() + " in cluster " + cluster + " (media roots "
                + settings.mediaRoots() + "); Ctrl-C stops it");
        out.flush();
        Thread reporter = new Thread(() -> report(worker, err), "tsperf-worker-report");
        reporter.setDaemon(true);
        reporter.start();
        worker.awaitStop();
        return 0;
    }

    /** A line on stderr each time a segment is done. */
    private static void report(ClusterWorker worker, PrintWriter err) {
        int seen = 0;
        try {
            while (true) {
                Thread.sleep(1000);
                MemberStatus s = worker.status();
                if (s.segmentsDone() != seen) {
                    seen = s.segmentsDone();
                    err.println(String.format(Locale.ROOT, "tsperf worker: %d segments done, %d running, CPU %.0f %%",
                            s.segmentsDone(), s.segmentsRunning(), s.cpuPercent()));
                    err.flush();
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
