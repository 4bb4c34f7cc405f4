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

    void addListener(Consumer<List<ChunkState>> listener);

    void removeListener(Consumer<List<ChunkState>> listener);
}
