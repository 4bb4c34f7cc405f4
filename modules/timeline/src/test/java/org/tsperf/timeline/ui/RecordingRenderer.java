package org.tsperf.timeline.ui;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.Project;

/**
 * A preview renderer for the window's tests (the render module is not part of this one): it records what the window
 * tells it, with the thread it was told on, and publishes the chunk states a test gives it.
 */
@ServiceProvider(service = PreviewRenderService.class)
public final class RecordingRenderer implements PreviewRenderService {

    /** A project the window asked to track (null for none), and whether it came on the event thread. */
    record Tracked(Project project, boolean onEventThread) {
    }

    final BlockingQueue<Tracked> tracked = new LinkedBlockingQueue<>();
    final List<Consumer<List<ChunkState>>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<ChunkState> states = List.of();

    @Override
    public void track(Project project) {
        tracked.add(new Tracked(project, javax.swing.SwingUtilities.isEventDispatchThread()));
    }

    @Override
    public void userActive() {
        // the window's clicks: nothing to record for these tests
    }

    @Override
    public List<ChunkState> states() {
        return states;
    }

    /** Publishes states to the listeners from this (non-event) thread, as a render thread would. */
    void publish(List<ChunkState> now) {
        states = List.copyOf(now);
        listeners.forEach(l -> l.accept(states));
    }

    @Override
    public void addListener(Consumer<List<ChunkState>> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<List<ChunkState>> listener) {
        listeners.remove(listener);
    }

    @Override
    public java.util.Optional<RenderedChunk> rendered(org.tsperf.api.timeline.PreviewChunk chunk) {
        return java.util.Optional.empty(); // the window never reads pictures
    }

    @Override
    public java.util.Optional<RenderedChunk> rendered(org.tsperf.api.timeline.Project project, long frame) {
        return java.util.Optional.empty(); // as above
    }

    @Override
    public java.util.Optional<org.tsperf.api.timeline.RenderProgress> progress() {
        return java.util.Optional.empty(); // nothing renders here
    }

    @Override
    public java.util.concurrent.CompletableFuture<Integer> renderAll(org.tsperf.api.timeline.Project project,
            Consumer<org.tsperf.api.timeline.RenderProgress> progress) {
        throw new UnsupportedOperationException("the window never renders everything at once");
    }
}
