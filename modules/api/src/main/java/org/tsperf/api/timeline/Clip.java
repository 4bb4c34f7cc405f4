package org.tsperf.api.timeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A piece of a source on a track. All counts are frames of the project's rate: the clip shows the source from
 * {@code sourceIn / rate} seconds on, for {@code length} frames, starting at timeline frame {@code start}. Timeline
 * frame {@code t} (start &lt;= t &lt; end) shows the source's picture at time
 * {@code rate.micros(sourceIn + t - start)}, as the source's {@code FrameSource.frameAt} finds it.
 *
 * @param id       unique within the project; printable, at most 64 characters
 * @param source   the original media file (absolute); proxies are found for it at play time
 * @param sourceIn the first frame of the source used, at least 0
 * @param length   frames on the timeline, at least 1
 * @param start    the timeline frame it starts at, at least 0
 * @param effects  applied in order (video clips only)
 */
public record Clip(String id, Path source, long sourceIn, long length, long start, List<Effect> effects) {

    public Clip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (id.isEmpty() || id.length() > 64 || id.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("a clip id must be 1 to 64 printable characters: " + id);
        }
        if (sourceIn < 0 || length < 1 || start < 0) {
            throw new IllegalArgumentException("clip " + id + ": source in " + sourceIn + ", length " + length
                    + ", start " + start + " (in and start at least 0, length at least 1)");
        }
        effects = List.copyOf(effects);
    }

    /** The timeline frame after its last one. */
    public long end() {
        return start + length;
    }

    public boolean covers(long frame) {
        return frame >= start && frame < end();
    }

    /** The source frame offset (project frames from the source's start) shown at timeline frame {@code frame}. */
    public long sourceFrame(long frame) {
        return sourceIn + frame - start;
    }

    public Clip withStart(long newStart) {
        return new Clip(id, source, sourceIn, length, newStart, effects);
    }

    public Clip withEffects(List<Effect> newEffects) {
        return new Clip(id, source, sourceIn, length, start, newEffects);
    }
}
