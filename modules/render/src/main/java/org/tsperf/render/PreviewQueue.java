package org.tsperf.render;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.openide.util.Lookup;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.TimelineRenderer;
import org.tsperf.api.timeline.TimelineService;

/**
 * Puts preview jobs into the task system's Renders queue: background ones at low priority with a CPU share (they wait
 * for a calm machine and, like every non-critical task, for the end of a "user is busy" hold), and the command line's
 * render-everything-now at high priority with no share (the user waits for it, as for an export).
 */
final class PreviewQueue {

    private final DefaultPreviewRenderService service;
    /** The running or waiting background jobs. */
    private final Map<TaskId, PreviewJob> background = new ConcurrentHashMap<>();

    PreviewQueue(DefaultPreviewRenderService service) {
        this.service = service;
    }

    /** A project's chunks at the preview size of the settings, {@link PreviewSettings#CHUNK_SECONDS} long. */
    static List<PreviewChunk> chunks(Project project) throws IOException {
        TimelineService timelines = DefaultTimelineRenderer.require(TimelineService.class, "Timeline");
        String version = DefaultTimelineRenderer.require(TimelineRenderer.class, "Timeline Rendering").version()
                + "+" + ChunkEncoding.VERSION;
        return timelines.chunks(project, PreviewSettings.width(project), PreviewSettings.height(project),
                project.rate().frames(PreviewSettings.CHUNK_SECONDS), version);
    }

    boolean queued(String fingerprint) {
        return background.values().stream().anyMatch(j -> j.chunks.stream()
                .anyMatch(c -> c.fingerprint().equals(fingerprint)));
    }

    /** Cancels the background jobs none of whose chunks is wanted any more (an edit changed them all). */
    void keepOnly(Set<String> wanted) {
        TaskService tasks = DefaultTimelineRenderer.require(TaskService.class, "Background Tasks");
        background.forEach((id, job) -> {
            if (job.chunks.stream().noneMatch(c -> wanted.contains(c.fingerprint()))) {
                tasks.cancel(id, "the project changed: its chunks are no longer in the timeline");
            }
        });
    }

    void background(Project project, List<PreviewChunk> dirty) {
        Object key = new Object();
        long frames = dirty.stream().mapToLong(c -> c.end() - c.start()).sum();
        PreviewJob job = new PreviewJob(project, dirty, PreviewSettings.width(project), PreviewSettings.height(project),
                true, service::wanted, service.events(key, p -> { }, frames, project.rate().fps()));
        // a share of the processor: a background render waits while the machine is busy with other work
        TaskId id = TaskId.random();
        background.put(id, job); // before it can run and end
        try {
            submit(id, job, TaskPriority.LOW, new ResourceEstimate(0.5, 0.02, 0, 0.02, expected(job)));
        } catch (RuntimeException ex) {
            background.remove(id);
            throw ex;
        }
        tasks().completion(id).thenAccept(info -> {
            background.remove(id);
            handler().forget(id);
            service.renderEnded(key);
            service.backgroundEnded(job, info);
        });
    }

    /** Renders every chunk of {@code project} that needs it and is not in the cache, now. */
    CompletableFuture<Integer> all(Project project, Consumer<RenderProgress> progress) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                MultiLevelCache cache = DefaultTimelineRenderer.require(MultiLevelCache.class, "Cache");
                List<PreviewChunk> todo = chunks(project).stream()
                        .filter(c -> c.needsRender() && !cache.contains(ChunkEncoding.key(c))).toList();
                if (todo.isEmpty()) {
                    result.complete(0);
                    return;
                }
                long frames = todo.stream().mapToLong(c -> c.end() - c.start()).sum();
                Object key = new Object();
                PreviewJob job = new PreviewJob(project, todo, PreviewSettings.width(project),
                        PreviewSettings.height(project), false, fp -> true,
                        service.events(key, progress, frames, project.rate().fps()));
                TaskId id = TaskId.random();
                submit(id, job, TaskPriority.HIGH, new ResourceEstimate(0, 0, 0, 0, expected(job)));
                result.whenComplete((n, ex) -> {
                    if (result.isCancelled()) {
                        tasks().cancel(id, "the preview render was cancelled");
                    }
                });
                tasks().completion(id).thenAccept(info -> {
                    handler().forget(id);
                    service.renderEnded(key);
                    outcome(info, job, result);
                });
            } catch (IOException | RuntimeException ex) {
                result.completeExceptionally(ex);
            }
        });
        return result;
    }

    private static void outcome(TaskInfo info, PreviewJob job, CompletableFuture<Integer> result) {
        switch (info.state()) {
            case DONE -> result.complete(job.stored.get());
            case CANCELLED -> result.completeExceptionally(new CancellationException("preview render cancelled"
                    + (info.reason().isEmpty() ? "" : ": " + info.reason())));
            default -> result.completeExceptionally(new IOException(info.reason().isEmpty()
                    ? "the preview render failed" : info.reason()));
        }
    }

    private static void submit(TaskId id, PreviewJob job, TaskPriority priority, ResourceEstimate estimate) {
        TaskSpec spec = new TaskSpec(id, PreviewTaskHandler.KIND, "Preview of " + job.project.name() + ": "
                + job.chunks.size() + " chunk" + (job.chunks.size() == 1 ? "" : "s") + " at " + job.width + "x"
                + job.height, TaskType.RENDER, priority, estimate, Map.of(), Set.of());
        handler().expect(id, job);
        try {
            tasks().submit(spec);
        } catch (RuntimeException ex) {
            handler().forget(id);
            throw ex;
        }
    }

    /** Until measured otherwise: a preview renders at about real time. */
    private static Duration expected(PreviewJob job) {
        return Duration.ofSeconds((long) Math.ceil(job.frames() / job.project.rate().fps()));
    }

    private static TaskService tasks() {
        return DefaultTimelineRenderer.require(TaskService.class, "Background Tasks");
    }

    private static PreviewTaskHandler handler() {
        return Lookup.getDefault().lookupAll(TaskHandler.class).stream()
                .filter(PreviewTaskHandler.class::isInstance).map(PreviewTaskHandler.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("the preview task handler is not registered"));
    }
}
