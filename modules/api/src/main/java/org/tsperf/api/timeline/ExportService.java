package org.tsperf.api.timeline;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.tsperf.api.tasks.TaskId;

/**
 * Exports at full size through the task system (the Renders queue): progress with ETA, cancel through
 * {@code TaskService.cancel} (nothing is left behind), and the result probed before it appears under its name.
 * Preview chunks are never used for an export. Provided through Lookup by the render module.
 */
public interface ExportService {

    /** A queued export. */
    interface Export {

        TaskId task();

        /** Completes with the written file's summary, or exceptionally with what went wrong. */
        CompletableFuture<ExportResult> result();
    }

    /**
     * Queues an export.
     *
     * @param progress hears progress on the export's thread (may be a no-op)
     */
    Export export(ExportRequest request, Consumer<RenderProgress> progress);
}
