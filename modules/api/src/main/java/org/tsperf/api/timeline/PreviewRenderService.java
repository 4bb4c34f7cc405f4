package org.tsperf.api.timeline;

import java.util.List;
import java.util.function.Consumer;

/**
 * Background preview rendering: the chunks of a project that need it are rendered at preview size into the disk
 * cache, as background work of the task system that yields to playback and to the user, once the user has been idle
 * for a while. Rendered chunks are kept by fingerprint, so an undo finds them again. Provided through Lookup by the
 * render module. Thread-safe.
 */
public interface PreviewRenderService {

    /**
     * The project now being edited (null for none): its dirty chunks are rendered after the idle delay; a new call
     * (an edit) starts the delay again and cancels rendering of chunks whose fingerprint changed.
     */
    void track(Project project);

    /** The user did something (a key, a drag): the idle delay starts again. */
    void userActive();

    /** Each chunk of the tracked project with its state, in timeline order. */
    List<ChunkState> states();

    /** A chunk and what the bar shows for it. */
    record ChunkState(PreviewChunk chunk, PreviewState state) {
    }

    /**
     * The rendered pictures of a chunk when the cache holds them for its fingerprint (whoever rendered them, before a
     * restart too). Reads the disk cache: not on the event thread. Playback reads them instead of composing the frames.
     */
    java.util.Optional<RenderedChunk> rendered(PreviewChunk chunk);

    /**
     * The rendered chunk that holds timeline frame {@code frame} of {@code project} as it is now, whichever project
     * is tracked: its chunks are planned for this very project (at the preview size, by the current renderer), and a
     * chunk is given only when the cache holds the file of that fingerprint. Empty when the frame's chunk needs no
     * render or is not rendered, and so always for a chunk rendered before an edit that changed its pictures (its
     * fingerprint differs): a stale chunk is never given. Plans chunks and reads the disk cache: not on the event
     * thread.
     */
    java.util.Optional<RenderedChunk> rendered(Project project, long frame);

    /**
     * A rendered chunk: a video file at preview size whose frame i is timeline frame {@code chunk().start() + i},
     * opened with {@code MediaDecoder}; the file stays until closed. Never a half-rendered chunk.
     */
    interface RenderedChunk extends AutoCloseable {

        PreviewChunk chunk();

        java.nio.file.Path file();

        @Override
        void close();
    }

    /**
     * Renders every chunk of {@code project} that needs it and is not rendered yet, now (the command line's
     * {@code render --preview}), as tasks of the task system; the future completes with how many chunks were rendered
     * (0 when all were there already), or exceptionally with what failed. Cancelling the future cancels the tasks.
     *
     * @param progress hears progress over all chunks (may be a no-op)
     */
    java.util.concurrent.CompletableFuture<Integer> renderAll(Project project, Consumer<RenderProgress> progress);

    /**
     * Where the running preview render is (a background one or {@link #renderAll}'s), with its speed as a multiple of
     * real time since it started rendering; empty when none runs. Cheap, from any thread (the Performance Monitor
     * samples it).
     */
    java.util.Optional<RenderProgress> progress();

    void addListener(Consumer<List<ChunkState>> listener);

    void removeListener(Consumer<List<ChunkState>> listener);
}
