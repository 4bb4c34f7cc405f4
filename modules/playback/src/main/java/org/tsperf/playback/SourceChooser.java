package org.tsperf.playback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyService;

/** Picks what to decode for a file shown at some width: the best ready proxy when proxies are on, else the original. */
final class SourceChooser {

    private static final Logger LOG = Logger.getLogger(SourceChooser.class.getName());

    private final PlayerOptions options;
    private final Supplier<MediaDecoder> decoders;

    SourceChooser(PlayerOptions options, Supplier<MediaDecoder> decoders) {
        this.options = options;
        this.decoders = decoders;
    }

    MediaDecoder decoder() {
        return decoders.get();
    }

    /** The media module's decoder, found through Lookup. */
    static MediaDecoder lookupDecoder() {
        MediaDecoder decoder = Lookup.getDefault().lookup(MediaDecoder.class);
        if (decoder == null) {
            throw new IllegalStateException("no media decoder: the Media Core module is missing; install it (Tools >"
                    + " Plugins)");
        }
        return decoder;
    }

    /** The proxy playback should read at this width, if proxies are on and one is ready. Reads the proxy index. */
    Optional<ProxyFile> proxyFor(Path original, int viewWidth) {
        if (options.proxies() == PlayerOptions.ProxyUse.OFF) {
            return Optional.empty();
        }
        ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
        if (proxies == null || !proxies.config().useProxies()) {
            return Optional.empty();
        }
        return proxies.proxyForPlayback(original, viewWidth);
    }

    /** Opens the proxy for this width, or the original (also when the proxy cannot be read). */
    OpenedSource open(Path original, int viewWidth) throws MediaException {
        Optional<ProxyFile> proxy = proxyFor(original, viewWidth);
        if (proxy.isPresent()) {
            try {
                return openProxy(original, proxy.get());
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "proxy {0} of {1} cannot be played ({2}); playing the original",
                        new Object[] {proxy.get().path(), original, ex.getMessage()});
            }
        }
        return openOriginal(original);
    }

    OpenedSource openOriginal(Path original) throws MediaException {
        FrameSource frames = decoders.get().open(original, DecodeOptions.playback());
        try {
            return new OpenedSource(original, frames, false, "Original (" + frames.format().displayWidth() + "x"
                    + frames.format().displayHeight() + ")", "Original", OpenedSource.contentId(original),
                    frames.format().displayWidth(), frames.format().displayHeight());
        } catch (IOException ex) {
            frames.close();
            throw new MediaException(original, MediaException.Problem.UNREADABLE, original + ": cannot be read ("
                    + ex.getMessage() + ")", ex);
        }
    }

    private OpenedSource openProxy(Path original, ProxyFile proxy) throws MediaException, IOException {
        FrameSource frames = decoders.get().open(proxy.path(), DecodeOptions.playback());
        try {
            String name = "Proxy " + capitalised(proxy.resolution());
            int[] size = originalSize(original, frames);
            return new OpenedSource(original, frames, true, name + " (" + frames.format().displayWidth() + "x"
                    + frames.format().displayHeight() + ")", name, OpenedSource.contentId(proxy.path()), size[0],
                    size[1]);
        } catch (IOException | RuntimeException ex) {
            frames.close();
            throw ex;
        }
    }

    /** The original's display size from its header (the proxy's when it cannot be read). */
    private static int[] originalSize(Path original, FrameSource proxy) {
        MediaProbe probe = Lookup.getDefault().lookup(MediaProbe.class);
        if (probe != null) {
            try {
                Optional<VideoStreamInfo> v = probe.probe(original).mainVideo();
                if (v.isPresent()) {
                    return new int[] {v.get().displayWidth(), v.get().displayHeight()};
                }
            } catch (MediaException ex) {
                LOG.log(Level.FINE, "cannot probe " + original, ex);
            }
        }
        return new int[] {proxy.format().displayWidth(), proxy.format().displayHeight()};
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
