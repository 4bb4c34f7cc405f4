package org.tsperf.api.cluster;

import java.io.IOException;
import java.util.function.Consumer;
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

    /** Leaves the cluster. */
    @Override
    void close();
}
