package org.tsperf.api.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.RenderProgress;

/**
 * A coordinator's membership of a cluster: exports handed out in segments, and the cluster's state for the monitor.
 * Thread-safe; {@link #export} blocks, so not on the event thread.
 */
public interface ClusterSession extends AutoCloseable {

    /** The members, their load and the segments in flight; cheap, from any thread. */
    ClusterStatus status();

    /**
     * Exports on the cluster: the range split into keyframe-aligned segments (through the render module's
     * {@code SegmentRenderService}), each rendered by a worker into the job's folder beside the output, the sound
     * mixed once here, the segments joined without re-encoding. A segment whose worker leaves, stops answering or
     * returns a result that does not verify is re-run on another worker; a segment that fails on three workers
     * fails the job with the reasons and the members named. A job interrupted here (this process stopped or killed)
     * resumes from the segments already done when the same export is asked again.
     *
     * @param progress hears the progress of all segments together, on the coordinator's thread
     * @throws IOException          with the reason the job failed
     * @throws InterruptedException when the calling thread is interrupted (the job folder stays, for a resume)
     */
    ClusterExportResult export(ExportRequest request, ClusterJobOptions options, Consumer<RenderProgress> progress)
            throws IOException, InterruptedException;

    /**
     * Makes the proxies of several sources on the cluster, one source per worker at a time: each worker makes the
     * proxies of the source handed to it into the job's folder beside the first source to make (shared storage, under
     * the workers' media roots), and this member takes them into {@code settings.store()}, recorded in its index as a
     * proxy job of this machine records its own. Sources whose proxies are in the store already are not handed out.
     * Faults are handled as for segments ({@link #export}): a source whose worker leaves, stops answering within
     * {@code options.segmentTimeout()} or returns a result that does not verify is made on another worker; a source
     * that fails three times fails on its own (the others go on). A batch asked again resumes from the sources done.
     *
     * @param progress hears a line for people on each source handed out, done or failed
     * @throws IOException          the batch cannot start (no worker holding the secret, no job folder)
     * @throws InterruptedException when the calling thread is interrupted (the job folder stays, for a resume)
     */
    default ClusterProxyResult proxies(List<Path> sources, ProxySettings settings, ClusterJobOptions options,
            Consumer<String> progress) throws IOException, InterruptedException {
        throw new IOException("this cluster session makes no proxies");
    }

    /** Leaves the cluster. */
    @Override
    void close();

    /**
     * Renders on the cluster the preview chunks of {@code project} that a local {@code render --preview} would render
     * (those this machine's preview cache lacks), one chunk per task: each worker renders its chunk with the local
     * preview's code and settings into the job folder (beside the project's first clip source, under the workers'
     * media roots); this member checks each result (signature, size, SHA-256, a probe) and stores it in its preview
     * cache as a local render would. Faults are handled as for {@link #proxies}.
     */
    default ClusterPreviewResult previews(org.tsperf.api.timeline.Project project, ClusterJobOptions options,
            Consumer<String> progress) throws IOException, InterruptedException {
        throw new IOException("this cluster session renders no previews");
    }
}
