package org.tsperf.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.memory.Priority;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;
import org.tsperf.api.timeline.Track;

/**
 * Makes a project's pictures from its sources through {@link MediaDecoder} and {@link VideoProcessor}. Every source
 * is checked when the pictures are opened; decoders open when their clip is first read.
 */
@ServiceProvider(service = TimelineRenderer.class)
public final class DefaultTimelineRenderer implements TimelineRenderer {

    /** Changes whenever the same project would give other pictures (preview fingerprints depend on it). */
    static final String VERSION = "render-1";
    private static final Logger LOG = Logger.getLogger(DefaultTimelineRenderer.class.getName());

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public TimelinePictures open(Project project, int width, int height, boolean useProxies) throws MediaException {
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("a render size must be even and at least 2x2, not " + width + "x"
                    + height);
        }
        VideoProcessor processor = require(VideoProcessor.class, "GPU Acceleration");
        for (Track t : project.tracks()) {
            for (Clip c : t.clips()) {
                checkSource(t, c);
            }
        }
        return new CompositePictures(project, width, height, processor, opener(project, width, height, useProxies));
    }

    /**
     * Opens a clip's decoder: its proxy when one is ready and at least {@code width x height} (with
     * {@code useProxies}), else its source, scaled down in YUV by the decoder to the render size.
     */
    static CompositePictures.Opener opener(Project project, int width, int height, boolean useProxies) {
        MediaDecoder decoder = require(MediaDecoder.class, "Media Core");
        ProxyService proxies = useProxies ? Lookup.getDefault().lookup(ProxyService.class) : null;
        // all cores for the decoder: an export is the one thing the user waits for
        DecodeOptions options = new DecodeOptions(0, true, Priority.NORMAL);
        return clip -> {
            Path file = clip.source();
            if (proxies != null) {
                Optional<ProxyFile> p = proxies.proxyForPlayback(clip.source(), width);
                if (p.isPresent() && p.get().width() >= width && p.get().height() >= height) {
                    file = p.get().path();
                }
            }
            FrameSource frames = decoder.open(file, options);
            try {
                if (frames.format().width() > width || frames.format().height() > height) {
                    frames.scaleTo(width, height); // in YUV, before the conversion: 4x fewer pixels for a half size
                }
                LOG.log(Level.FINE, "clip {0}: decoding {1} ({2})", new Object[] {clip.id(), file, frames.decoder()});
                return new ClipReader(clip, project.rate(), frames, file);
            } catch (RuntimeException ex) {
                frames.close();
                throw ex;
            }
        };
    }

    /** A missing source is named with its clip and track, before anything is decoded. */
    static void checkSource(Track track, Clip clip) throws MediaException {
        Path s = clip.source();
        String where = "clip " + clip.id() + " on track " + track.id();
        if (!Files.exists(s)) {
            throw new MediaException(s, MediaException.Problem.MISSING, s + ": the source of " + where + " is missing;"
                    + " restore the file or point the clip at its new place, then render again.");
        }
        if (!Files.isRegularFile(s) || !Files.isReadable(s)) {
            throw new MediaException(s, MediaException.Problem.UNREADABLE, s + ": the source of " + where + " cannot"
                    + " be read (not a file, or no permission); check the file, then render again.");
        }
    }

    static <T> T require(Class<T> service, String module) {
        T impl = Lookup.getDefault().lookup(service);
        if (impl == null) {
            throw new IllegalStateException("no " + service.getSimpleName() + " service: the " + module
                    + " module is missing; install or enable it (Tools > Plugins)");
        }
        return impl;
    }
}
