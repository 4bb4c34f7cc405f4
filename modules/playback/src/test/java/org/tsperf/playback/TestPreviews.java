package org.tsperf.playback;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.RenderProgress;

/**
 * The preview cache as the player sees it, for tests, until the render module provides the real service: chunk
 * states and rendered files (real videos made by ffmpeg) set by hand. Empty unless a test fills it.
 */
@ServiceProvider(service = PreviewRenderService.class)
public final class TestPreviews implements PreviewRenderService {

    static final List<ChunkState> STATES = new CopyOnWriteArrayList<>();
    /** Rendered files by fingerprint. */
    static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    static void clear() {
        STATES.clear();
        FILES.clear();
    }

    @Override
    public void track(org.tsperf.api.timeline.Project project) {
        // the states are set by the test
    }

    @Override
    public void userActive() {
        // nothing waits for idleness here
    }

    @Override
    public List<ChunkState> states() {
        return List.copyOf(STATES);
    }

    @Override
    public Optional<RenderedChunk> rendered(PreviewChunk chunk) {
        Path file = FILES.get(chunk.fingerprint());
        return file == null ? Optional.empty() : Optional.of(new RenderedChunk() {
            @Override
            public PreviewChunk chunk() {
                return chunk;
            }

            @Override
            public Path file() {
                return file;
            }

            @Override
            public void close() {
                // the test's file stays for the next reader
            }
        });
    }

    @Override
    public CompletableFuture<Integer> renderAll(org.tsperf.api.timeline.Project project,
            Consumer<RenderProgress> progress) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the test's previews render nothing"));
    }

    @Override
    public void addListener(Consumer<List<ChunkState>> listener) {
        // states change only by the test's hand
    }

    @Override
    public void removeListener(Consumer<List<ChunkState>> listener) {
        // as above
    }
}
