package org.tsperf.render;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.Project;

/**
 * The chunks one preview task renders, handed from the service to its task in memory (a project being edited has no
 * file the journal could name). {@code background}: started by idleness, so it stops between chunks while the user
 * is busy (playback), leaving the rest for the next idle moment.
 */
final class PreviewJob {

    /** What the service hears from the task, on its worker thread. */
    interface Events {
        void chunkStarted(PreviewChunk chunk);

        /** {@code stored}: the chunk is in the cache now; else abandoned (no longer wanted, failed, stopped). */
        void chunkEnded(PreviewChunk chunk, boolean stored);

        /** A frame was rendered. */
        void frameDone();
    }

    final Project project;
    final List<PreviewChunk> chunks;
    final int width;
    final int height;
    final boolean background;
    /** Whether a chunk's fingerprint is still wanted (in the tracked project); checked at every frame. */
    final Predicate<String> wanted;
    final Events events;
    final AtomicInteger stored = new AtomicInteger();

    PreviewJob(Project project, List<PreviewChunk> chunks, int width, int height, boolean background,
            Predicate<String> wanted, Events events) {
        this.project = project;
        this.chunks = List.copyOf(chunks);
        this.width = width;
        this.height = height;
        this.background = background;
        this.wanted = wanted;
        this.events = events;
    }

    long frames() {
        return chunks.stream().mapToLong(c -> c.end() - c.start()).sum();
    }
}
