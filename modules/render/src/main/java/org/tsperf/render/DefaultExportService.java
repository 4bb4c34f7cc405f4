package org.tsperf.render;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportService;
import org.tsperf.api.timeline.RenderProgress;

/** Queues exports as "render.export" tasks in the Renders queue and hands their result back. */
@ServiceProvider(service = ExportService.class)
public final class DefaultExportService implements ExportService {

    @Override
    public Export export(ExportRequest request, Consumer<RenderProgress> progress) {
        TaskService tasks = DefaultTimelineRenderer.require(TaskService.class, "Background Tasks");
        ExportTaskHandler handler = Lookup.getDefault().lookupAll(TaskHandler.class).stream()
                .filter(ExportTaskHandler.class::isInstance).map(ExportTaskHandler.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("the export task handler is not registered"));
        TaskId id = TaskId.random();
        String tag = id.value().replaceAll("[^A-Za-z0-9-]", "_");
        double seconds = (request.out() - request.in()) / request.project().rate().fps();
        // the user waits for it, as for Generate in the Proxy Manager: no resource share, so a busy machine does
        // not hold it back, and high priority
        ResourceEstimate estimate = new ResourceEstimate(0, 0, 0, 0, Duration.ofSeconds((long) Math.ceil(seconds * 4)));
        TaskSpec spec = new TaskSpec(id, ExportTaskHandler.KIND, "Export " + request.project().name() + " to "
                + request.output().getFileName() + " (" + request.format().cliName() + ")", TaskType.RENDER,
                TaskPriority.HIGH, estimate, Map.of(ExportTaskHandler.OUTPUT, request.output().toAbsolutePath()
                        .toString(), ExportTaskHandler.TAG, tag.substring(0, Math.min(40, tag.length()))), Set.of());
        handler.expect(id, new ExportTaskHandler.Pending(request, progress));
        try {
            tasks.submit(spec);
        } catch (RuntimeException ex) {
            handler.forget(id);
            throw ex;
        }
        CompletableFuture<ExportResult> result = tasks.completion(id).thenCompose(info -> outcome(info,
                handler.forget(id)));
        return new Export() {
            @Override
            public TaskId task() {
                return id;
            }

            @Override
            public CompletableFuture<ExportResult> result() {
                return result;
            }
        };
    }

    private static CompletableFuture<ExportResult> outcome(TaskInfo info, ExportTaskHandler.Pending p) {
        return switch (info.state()) {
            case DONE -> p != null && p.result != null ? CompletableFuture.completedFuture(p.result)
                    : CompletableFuture.failedFuture(new IOException("the export ended without a result"));
            case CANCELLED -> CompletableFuture.failedFuture(new CancellationException("export cancelled"
                    + (info.reason().isEmpty() ? "" : ": " + info.reason())));
            default -> CompletableFuture.failedFuture(new IOException(info.reason().isEmpty()
                    ? "the export failed" : info.reason()));
        };
    }
}
