package org.tsperf.render;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;

/**
 * Tracks the project being edited: its chunks (from the timeline module's planner) and their states, the idle timer
 * that queues the dirty ones as one background task ({@link PreviewQueue}); the rendered files for playback come from
 * {@link RenderedChunks}.
 * Its one thread ({@code tsperf-preview}) plans chunks and checks idleness; it starts at the first use and ends when
 * idle for a while.
 */
@ServiceProvider(service = PreviewRenderService.class)
public final class DefaultPreviewRenderService implements PreviewRenderService {

    private static final Logger LOG = Logger.getLogger(DefaultPreviewRenderService.class.getName());

    private final List<Consumer<List<ChunkState>>> listeners = new CopyOnWriteArrayList<>();
    private final PreviewQueue queue = new PreviewQueue(this);
    private ScheduledThreadPoolExecutor thread;
    private final RenderedChunks renderedChunks = new RenderedChunks();
    private final RenderSpeed speed = new RenderSpeed();
    // guarded by this
    private Project tracked;
    private long generation;
    private List<PreviewChunk> chunks = List.of();
    private final Set<String> stored = new HashSet<>();
    private final Set<String> rendering = new HashSet<>();
    /** Chunks that failed to render since the project last changed: not tried again until it does. */
    private final Set<String> failed = new HashSet<>();
    private long idleUntilNanos;
    private ScheduledFuture<?> idleCheck;

    private synchronized ScheduledThreadPoolExecutor thread() {
        if (thread == null) {
            thread = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "tsperf-preview");
                t.setDaemon(true);
                return t;
            });
            thread.setKeepAliveTime(10, TimeUnit.SECONDS);
            thread.allowCoreThreadTimeOut(true);
            thread.setRemoveOnCancelPolicy(true);
        }
        return thread;
    }

    /**
     * Stops the preview thread and forgets the tracked project (the module is switched off or the application exits);
     * a later use starts again. Queued preview tasks wait in the task system for the module's handler.
     */
    synchronized void close() {
        tracked = null;
        if (idleCheck != null) {
            idleCheck.cancel(false);
            idleCheck = null;
        }
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public void track(Project project) {
        long gen;
        synchronized (this) {
            tracked = project;
            gen = ++generation;
            idleUntilNanos = System.nanoTime() + PreviewSettings.idleDelay().toNanos();
        }
        thread().execute(() -> plan(project, gen));
    }

    @Override
    public void userActive() {
        synchronized (this) {
            idleUntilNanos = System.nanoTime() + PreviewSettings.idleDelay().toNanos();
        }
    }

    /** On the preview thread: the tracked project's chunks and which of them the cache holds. */
    private void plan(Project project, long gen) {
        List<PreviewChunk> planned = List.of();
        Set<String> inCache = new HashSet<>();
        if (project != null) {
            try {
                planned = PreviewQueue.chunks(project);
                MultiLevelCache cache = DefaultTimelineRenderer.require(MultiLevelCache.class, "Cache");
                for (PreviewChunk c : planned) {
                    if (c.needsRender() && cache.contains(ChunkEncoding.key(c))) {
                        inCache.add(c.fingerprint());
                    }
                }
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.WARNING, "cannot plan the preview chunks of " + project.name() + ": " + ex.getMessage()
                        + "; nothing is rendered until the project changes", ex);
                planned = List.of();
            }
        }
        synchronized (this) {
            if (gen != generation) {
                return; // an edit came since: its own plan follows
            }
            chunks = planned;
            for (PreviewChunk c : planned) { // the cache may have evicted a chunk since it was rendered
                if (inCache.contains(c.fingerprint())) {
                    stored.add(c.fingerprint());
                } else if (!rendering.contains(c.fingerprint())) {
                    stored.remove(c.fingerprint());
                }
            }
            failed.clear();
            scheduleIdleCheck(PreviewSettings.idleDelay());
        }
        queue.keepOnly(wantedNow());
        fire();
    }

    /** The fingerprints of the tracked project's chunks. */
    synchronized Set<String> wantedNow() {
        Set<String> s = new HashSet<>();
        chunks.forEach(c -> s.add(c.fingerprint()));
        return s;
    }

    synchronized boolean wanted(String fingerprint) {
        return chunks.stream().anyMatch(c -> c.fingerprint().equals(fingerprint));
    }

    private synchronized void scheduleIdleCheck(Duration after) {
        if (idleCheck == null || idleCheck.isDone()) {
            idleCheck = thread().schedule(this::idleCheck, Math.max(1, after.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Queues the dirty chunks once the user has been idle for the delay; else looks again when it would be. */
    private void idleCheck() {
        List<PreviewChunk> dirty = new ArrayList<>();
        Project project;
        synchronized (this) {
            idleCheck = null;
            long left = idleUntilNanos - System.nanoTime();
            if (left > 0) {
                scheduleIdleCheck(Duration.ofNanos(left));
                return;
            }
            project = tracked;
            for (PreviewChunk c : chunks) {
                if (state(c) == PreviewState.DIRTY && !failed.contains(c.fingerprint())
                        && !queue.queued(c.fingerprint())) {
                    dirty.add(c);
                }
            }
        }
        if (project != null && !dirty.isEmpty()) {
            queue.background(project, dirty);
        }
    }

    /** A background task ended: what it did not render is dirty again, and queued at the next idle moment. */
    void backgroundEnded(PreviewJob job, TaskInfo info) {
        if (info.state() == TaskState.FAILED) {
            LOG.log(Level.WARNING, "preview rendering of {0} failed: {1}; its chunks are tried again after the next"
                    + " edit", new Object[] {job.project.name(), info.reason()});
            synchronized (this) {
                job.chunks.stream().filter(c -> !stored.contains(c.fingerprint()))
                        .forEach(c -> failed.add(c.fingerprint()));
            }
        }
        synchronized (this) {
            job.chunks.forEach(c -> rendering.remove(c.fingerprint()));
            scheduleIdleCheck(PreviewSettings.idleDelay());
        }
        fire();
    }

    private PreviewState state(PreviewChunk c) {
        if (!c.needsRender()) {
            return PreviewState.NOT_NEEDED;
        }
        if (rendering.contains(c.fingerprint())) {
            return PreviewState.RENDERING;
        }
        return stored.contains(c.fingerprint()) ? PreviewState.RENDERED : PreviewState.DIRTY;
    }

    @Override
    public synchronized List<ChunkState> states() {
        List<ChunkState> s = new ArrayList<>(chunks.size());
        chunks.forEach(c -> s.add(new ChunkState(c, state(c))));
        return List.copyOf(s);
    }

    /**
     * What the service hears from a task's chunks (either kind of job); {@code job} names it for
     * {@link #renderEnded}.
     */
    PreviewJob.Events events(Object job, Consumer<RenderProgress> progress, long totalFrames, double fps) {
        RenderSpeed.Meter meter = speed.meter(job, totalFrames, fps);
        return new PreviewJob.Events() {
            @Override
            public void chunkStarted(PreviewChunk chunk) {
                meter.frameStarting();
                synchronized (DefaultPreviewRenderService.this) {
                    rendering.add(chunk.fingerprint());
                }
                fire();
            }

            @Override
            public void chunkEnded(PreviewChunk chunk, boolean ok) {
                synchronized (DefaultPreviewRenderService.this) {
                    rendering.remove(chunk.fingerprint());
                    if (ok) {
                        stored.add(chunk.fingerprint());
                    }
                }
                fire();
            }

            @Override
            public void frameDone() {
                progress.accept(meter.frameDone());
            }
        };
    }

    /** A job's task ended: its speed no longer shows. */
    void renderEnded(Object job) {
        speed.ended(job);
    }

    @Override
    public Optional<RenderProgress> progress() {
        return speed.now();
    }

    @Override
    public Optional<RenderedChunk> rendered(PreviewChunk chunk) {
        return renderedChunks.of(chunk);
    }

    @Override
    public Optional<RenderedChunk> rendered(Project project, long frame) {
        return renderedChunks.at(project, frame);
    }

    @Override
    public CompletableFuture<Integer> renderAll(Project project, Consumer<RenderProgress> progress) {
        return queue.all(project, progress);
    }

    @Override
    public void addListener(Consumer<List<ChunkState>> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<List<ChunkState>> listener) {
        listeners.remove(listener);
    }

    private void fire() {
        if (listeners.isEmpty()) {
            return;
        }
        List<ChunkState> now = states();
        for (Consumer<List<ChunkState>> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "a preview state listener failed", ex);
            }
        }
    }
}
