package org.tsperf.timeline.ui;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportService;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.tasks.TaskService;

/**
 * One export, on this machine (the render module's {@link ExportService}, a task of the task system) or on a render
 * cluster ({@link ClusterService#connect}); blocks, so never on the event thread. An interrupt of the calling thread
 * cancels it: the local export's task is cancelled (nothing is left), the cluster's job stops (its folder stays for a
 * resume).
 */
@Messages({
    "ExportWork_noRender=Cannot export: the render module (ExportService) is not installed or not active.",
    "ExportWork_noCluster=Cannot render on a cluster: the Distributed Rendering module is not installed or not"
        + " active (Tools > Plugins).",
    "ExportWork_cancelled=cancelled by the user",
    "# {0} - cluster", "# {1} - why",
    "ExportWork_unreachable=Cannot reach the render cluster {0}: {1}",
    "# {0} - cluster", "# {1} - members seen", "# {2} - why",
    "ExportWork_noTrustedWorker=The render cluster {0} cannot be reached or has no trusted worker (members seen: {1}).\n{2}",
    "# {0} - cluster", "# {1} - why",
    "ExportWork_clusterFailed=The export on cluster {0} failed: {1}"
})
interface ExportWork {

    ExportResult run(ExportRequest request, Consumer<RenderProgress> progress)
            throws IOException, InterruptedException;

    /** The work the choices ask for, from the services in {@code lookup}. */
    static ExportWork of(ExportChoices choices, Lookup lookup) throws IOException {
        return of(choices, lookup, ClusterJobOptions.defaults());
    }

    /** As above, with the cluster job's options (how long to wait for a first trusted worker). */
    static ExportWork of(ExportChoices choices, Lookup lookup, ClusterJobOptions options) throws IOException {
        if (!choices.onCluster()) {
            ExportService exports = lookup.lookup(ExportService.class);
            if (exports == null) {
                throw new IOException(Bundle.ExportWork_noRender());
            }
            return (request, progress) -> local(exports, lookup.lookup(TaskService.class), request, progress);
        }
        ClusterService clusters = lookup.lookup(ClusterService.class);
        if (clusters == null) {
            throw new IOException(Bundle.ExportWork_noCluster());
        }
        return (request, progress) -> onCluster(clusters, choices, options, request, progress);
    }

    private static ExportResult local(ExportService exports, TaskService tasks, ExportRequest request,
            Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        ExportService.Export export = exports.export(request, progress);
        try {
            return export.result().get();
        } catch (InterruptedException ex) {
            if (tasks != null) {
                tasks.cancel(export.task(), Bundle.ExportWork_cancelled());
            }
            export.result().cancel(true);
            throw ex;
        } catch (CancellationException ex) {
            throw new InterruptedException(Bundle.ExportWork_cancelled());
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof CancellationException) {
                throw new InterruptedException(Bundle.ExportWork_cancelled());
            }
            throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    private static ExportResult onCluster(ClusterService clusters, ExportChoices choices, ClusterJobOptions options,
            ExportRequest request, Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        String name = choices.cluster().trim();
        ClusterSession session;
        try {
            session = clusters.connect(choices.clusterSettings());
        } catch (IOException | RuntimeException ex) {
            throw new IOException(Bundle.ExportWork_unreachable(name, ex.getMessage()), ex);
        }
        try (session) {
            return session.export(request, options, progress).export();
        } catch (IOException ex) {
            ClusterStatus status = session.status();
            boolean trusted = status.members().stream().anyMatch(m -> "worker".equals(m.role()));
            if (!trusted) {
                String seen = String.join(", ", status.members().stream()
                        .map(m -> m.address() + " " + m.role()).toList());
                throw new IOException(Bundle.ExportWork_noTrustedWorker(name, seen, ex.getMessage()), ex);
            }
            throw new IOException(Bundle.ExportWork_clusterFailed(name, ex.getMessage()), ex);
        }
    }
}
