package org.tsperf.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.timeline.FrameRate;

/**
 * Which sources are too heavy to decode in real time: more pixels a second than 3840x2160 at 30 frames a second (the
 * main video stream's displayed size times its frame rate, the project's rate where the stream does not say). Probed
 * through {@link MediaProbe} from Lookup; without one, or for a file it cannot read, a source counts as light. The
 * answer is remembered by path, size and modification time.
 */
final class HeavySources {

    static final double REAL_TIME_PIXELS_PER_SECOND = 3840.0 * 2160 * 30;
    private static final Logger LOG = Logger.getLogger(HeavySources.class.getName());
    private static final int REMEMBERED = 4096;

    private record Stamp(Path file, long size, long modified, double fps) {
    }

    private final Map<Stamp, Boolean> known = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Stamp, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    boolean heavy(Path source, FrameRate projectRate) throws IOException {
        MediaProbe probe = Lookup.getDefault().lookup(MediaProbe.class);
        if (probe == null) {
            return false;
        }
        Path file = source.toAbsolutePath().normalize();
        Stamp stamp = new Stamp(file, Files.size(file), Files.getLastModifiedTime(file).toMillis(), projectRate.fps());
        synchronized (known) {
            Boolean h = known.get(stamp);
            if (h != null) {
                return h;
            }
        }
        boolean heavy = probe(probe, file, projectRate);
        synchronized (known) {
            known.put(stamp, heavy);
        }
        return heavy;
    }

    private static boolean probe(MediaProbe probe, Path file, FrameRate projectRate) {
        try {
            MediaInfo info = probe.probe(file);
            return info.mainVideo().map(v -> pixelsPerSecond(v, projectRate) > REAL_TIME_PIXELS_PER_SECOND)
                    .orElse(false);
        } catch (MediaException e) {
            LOG.log(Level.WARNING, "cannot probe " + file + " to tell whether it plays in real time; it counts as "
                    + "light (its chunks are rendered only for effects or transitions)", e);
            return false;
        }
    }

    static double pixelsPerSecond(VideoStreamInfo v, FrameRate projectRate) {
        double fps = v.frameRate() > 0 ? v.frameRate() : projectRate.fps();
        return (double) v.displayWidth() * v.displayHeight() * fps;
    }
}
