package org.tsperf.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService.RenderedChunk;
import org.tsperf.api.timeline.Project;

/**
 * The rendered chunks playback reads: a chunk's file from the cache, published whole as a temporary file, and the
 * chunk of a frame of the project as played, planned for that very project (so a chunk rendered before an edit that
 * changed it, whose fingerprint differs, is never found). The last project's plan is kept: playback asks at every
 * frame it composes. Thread-safe.
 */
final class RenderedChunks {

    private static final Logger LOG = Logger.getLogger(RenderedChunks.class.getName());

    private PreviewFiles files;
    private Project plannedFor;
    private List<PreviewChunk> plan = List.of();

    private synchronized PreviewFiles files() throws IOException {
        if (files == null) {
            files = new PreviewFiles(PreviewFiles.defaultDirectory());
        }
        return files;
    }

    /** The file of {@code chunk} when the cache holds it for its fingerprint. */
    Optional<RenderedChunk> of(PreviewChunk chunk) {
        MultiLevelCache cache = DefaultTimelineRenderer.require(MultiLevelCache.class, "Cache");
        Optional<byte[]> bytes = cache.get(ChunkEncoding.key(chunk));
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = files().publish(bytes.get());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the rendered preview chunk " + chunk.index()
                    + " to a temporary file: " + ex.getMessage(), ex);
        }
        return Optional.of(new Rendered(chunk, file));
    }

    /** The rendered chunk holding {@code frame} of {@code project} as it is now; empty when there is none. */
    Optional<RenderedChunk> at(Project project, long frame) {
        Optional<PreviewChunk> chunk = plan(project).stream()
                .filter(c -> c.start() <= frame && frame < c.end()).findFirst();
        return chunk.isPresent() && chunk.get().needsRender() ? of(chunk.get()) : Optional.empty();
    }

    private synchronized List<PreviewChunk> plan(Project project) {
        if (!project.equals(plannedFor)) {
            try {
                plan = PreviewQueue.chunks(project);
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.WARNING, "cannot plan the preview chunks of " + project.name() + " for playback: "
                        + ex.getMessage() + "; its frames are composited", ex);
                plan = List.of();
            }
            plannedFor = project;
        }
        return plan;
    }

    private record Rendered(PreviewChunk chunk, Path file) implements RenderedChunk {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "cannot remove the rendered preview file " + file, ex);
            }
        }
    }
}
