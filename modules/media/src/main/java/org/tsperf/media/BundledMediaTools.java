package org.tsperf.media;

import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.media.MediaTools;

/** {@link MediaTools}: the ffmpeg executable of the JavaCV FFmpeg natives (unpacked once into the JavaCPP cache). */
@ServiceProvider(service = MediaTools.class)
public final class BundledMediaTools implements MediaTools {

    @Override
    public Path ffmpeg() {
        try {
            return Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("the bundled ffmpeg cannot be unpacked on this machine: " + e, e);
        }
    }
}
