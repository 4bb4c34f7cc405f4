package org.tsperf.playback;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.playback.Picture;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.timeline.PlaybackFigures;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;

/**
 * The timeline a player reads instead of a file: each frame from the rendered preview where its chunk is rendered for
 * the project as played now ({@link RenderedChunkReader}; never a chunk an edit made stale), else composited by the
 * render module's {@link TimelinePictures} at the picture size.
 * Owned by the decoder thread (neither source is thread-safe); its description is read by any thread.
 */
final class TimelineSource implements AutoCloseable {

    static final String RENDERED = "Rendered preview";
    static final String COMPOSITED = "Timeline (composited)";
    private static final Logger LOG = Logger.getLogger(TimelineSource.class.getName());

    private final PlayerOptions options;
    private final Supplier<MediaDecoder> decoders;
    private final TimelineRenderer renderer;
    private volatile Project project;
    private PictureSize size;
    private TimelinePictures pictures;
    private RenderedChunkReader rendered;
    private volatile String description = COMPOSITED;
    /** Fingerprints of rendered chunks whose file could not be read: composed instead, not tried again. */
    private final Set<String> unreadable = new HashSet<>();

    TimelineSource(Project project, PlayerOptions options, Supplier<MediaDecoder> decoders) {
        this.project = project;
        this.options = options;
        this.decoders = decoders;
        renderer = Lookup.getDefault().lookup(TimelineRenderer.class);
        if (renderer == null) {
            throw new IllegalStateException("no timeline renderer: the Render module is missing; install it (Tools >"
                    + " Plugins)");
        }
    }

    /** The picture size for a view: the project's size fitted into it, never larger, even. */
    static PictureSize fit(Project project, int viewWidth, int viewHeight) {
        double scale = Math.min(1.0, Math.min(viewWidth / (double) project.width(),
                viewHeight / (double) project.height()));
        int w = Math.min(project.width(), Math.max(16, 2 * (int) Math.round(project.width() * scale / 2)));
        int h = Math.min(project.height(), Math.max(16, 2 * (int) Math.round(project.height() * scale / 2)));
        return new PictureSize(w, h);
    }

    /** Opens the sources for pictures that fit the view. */
    void open(int viewWidth, int viewHeight) throws MediaException {
        closePictures();
        size = fit(project, viewWidth, viewHeight);
        pictures = renderer.open(project, size.width(), size.height(), useProxies());
        PreviewRenderService previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        if (previews != null) {
            // frame -1 is in no chunk: the service plans this project's chunks now, so the first frame played does
            // not wait for that
            previews.rendered(project, -1);
        }
    }

    /** An edit: the new project's sources at the same size. */
    void replace(Project edited, int viewWidth, int viewHeight) throws MediaException {
        project = edited;
        open(viewWidth, viewHeight);
    }

    Project project() {
        return project;
    }

    long frameCount() {
        return project.length();
    }

    double frameRate() {
        return project.rate().fps();
    }

    /** "Rendered preview" or "Timeline (composited)": where the last picture came from. */
    String description() {
        return description;
    }

    String resolutionName() {
        return PlaybackFigures.resolutionName(project.width(), project.height());
    }

    /**
     * The picture of timeline frame {@code index}: the rendered preview's when its chunk is rendered, else
     * composited ({@link #description()} says which from then on).
     */
    Picture picture(long index) throws MediaException {
        Project p = project;
        byte[] bytes = new byte[size.width() * size.height() * 4];
        String from = COMPOSITED;
        if (index >= 0 && index < p.length()) {
            if (readRendered(index, bytes)) {
                from = RENDERED;
            } else {
                Frame f = pictures.render(index);
                f.data().duplicate().clear().get(bytes);
            }
        } // past the end or an empty project: black
        description = from;
        return new Picture(index, p.rate().micros(index), new Frame(size.width(), size.height(), PixelFormat.RGBA8,
                ByteBuffer.wrap(bytes)), 0);
    }

    /** Reads frame {@code index} from its rendered chunk into {@code bytes}; false when it is not rendered. */
    private boolean readRendered(long index, byte[] bytes) {
        PreviewRenderService previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        if (previews == null) {
            return false;
        }
        String fingerprint = rendered == null ? null : rendered.fingerprint();
        try {
            if (rendered == null || !rendered.covers(index)) {
                closeRendered();
                Optional<PreviewRenderService.RenderedChunk> chunk = renderedChunk(previews, index);
                if (chunk.isEmpty()) {
                    return false;
                }
                fingerprint = chunk.get().chunk().fingerprint();
                rendered = new RenderedChunkReader(chunk.get(), decoders.get(), size);
            }
            return rendered.read(index, bytes);
        } catch (MediaException | RuntimeException ex) {
            // a damaged or vanished chunk file: compose its frames instead, and say why once
            LOG.log(Level.WARNING, "rendered preview of frame " + index + " cannot be read; composing its chunk", ex);
            if (fingerprint != null) {
                unreadable.add(fingerprint);
            }
            closeRendered();
            return false;
        }
    }

    /**
     * The rendered chunk holding {@code index} of the project as played now: the service plans this very project's
     * chunks, so a chunk rendered before an edit that changed it (another fingerprint) is never read.
     */
    private Optional<PreviewRenderService.RenderedChunk> renderedChunk(PreviewRenderService previews, long index) {
        Optional<PreviewRenderService.RenderedChunk> chunk = previews.rendered(project, index);
        if (chunk.isPresent() && unreadable.contains(chunk.get().chunk().fingerprint())) {
            chunk.get().close();
            return Optional.empty();
        }
        return chunk;
    }

    private boolean useProxies() {
        if (options.proxies() == PlayerOptions.ProxyUse.OFF) {
            return false;
        }
        ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
        return proxies != null && proxies.config().useProxies();
    }

    private void closePictures() {
        closeRendered();
        if (pictures != null) {
            pictures.close();
            pictures = null;
        }
    }

    private void closeRendered() {
        if (rendered != null) {
            rendered.close();
            rendered = null;
        }
    }

    @Override
    public void close() {
        closePictures();
    }
}
