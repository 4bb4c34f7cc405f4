package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewTransfer;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;

/**
 * Preview chunks rendered elsewhere: planned and rendered with the very code of the local preview render
 * ({@link PreviewQueue#chunks}, {@link ChunkEncoding#render}), checked by a probe and stored under
 * {@link ChunkEncoding#key} as {@link PreviewTaskHandler} stores them.
 */
@ServiceProvider(service = PreviewTransfer.class)
public final class DefaultPreviewTransfer implements PreviewTransfer {

    @Override
    public List<PreviewChunk> pending(Project project) throws IOException {
        MultiLevelCache cache = DefaultTimelineRenderer.require(MultiLevelCache.class, "Cache");
        return PreviewQueue.chunks(project).stream()
                .filter(c -> c.needsRender() && !cache.contains(ChunkEncoding.key(c))).toList();
    }

    @Override
    public Optional<PreviewChunk> chunk(Project project, String fingerprint) throws IOException {
        return PreviewQueue.chunks(project).stream().filter(c -> c.fingerprint().equals(fingerprint)).findFirst();
    }

    @Override
    public void renderInto(Project project, PreviewChunk chunk, Path out) throws IOException, InterruptedException {
        TimelineRenderer renderer = DefaultTimelineRenderer.require(TimelineRenderer.class, "Timeline Rendering");
        MediaProbe probe = DefaultTimelineRenderer.require(MediaProbe.class, "Media Core");
        Path ffmpeg = DefaultTimelineRenderer.require(MediaTools.class, "Media Core").ffmpeg();
        PreviewFiles files = new PreviewFiles(PreviewFiles.defaultDirectory());
        int w = PreviewSettings.width(project);
        int h = PreviewSettings.height(project);
        byte[] bytes;
        try (TimelinePictures pictures = renderer.open(project, w, h, true);
                DraftPictures draft = DraftPictures.effectsAllow(project) ? new DraftPictures(project, w, h,
                        DefaultTimelineRenderer.opener(project, w, h, true)) : null) {
            bytes = ChunkEncoding.render(pictures, draft, chunk, ffmpeg, files, probe, () -> true, () -> { });
        } catch (MediaException ex) {
            throw new IOException("preview chunk " + chunk.index() + " of " + project.name() + " cannot be rendered: "
                    + ex.getMessage(), ex);
        }
        if (bytes == null) {
            throw new IOException("preview chunk " + chunk.index() + " of " + project.name() + " was not rendered:"
                    + " a frame could not be made");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void adopt(PreviewChunk chunk, Path file) throws IOException {
        MultiLevelCache cache = DefaultTimelineRenderer.require(MultiLevelCache.class, "Cache");
        MediaProbe probe = DefaultTimelineRenderer.require(MediaProbe.class, "Media Core");
        try {
            ChunkEncoding.verify(file, chunk, probe);
        } catch (IOException ex) {
            throw new IOException(file + ": not preview chunk " + chunk.index() + ": " + ex.getMessage()
                    + "; render the chunk again", ex);
        }
        byte[] bytes = Files.readAllBytes(file);
        cache.put(ChunkEncoding.key(chunk), bytes);
        if (!cache.contains(ChunkEncoding.key(chunk))) {
            throw new IOException("the cache did not keep preview chunk " + chunk.index() + " (" + bytes.length
                    + " bytes, from " + file + "): its disk levels are full or too small");
        }
    }
}
