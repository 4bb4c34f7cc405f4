package org.tsperf.api.cache;

import java.util.Locale;
import java.util.Objects;

/**
 * A typed cache key. Build it with the factory of its type so that equal content gives equal keys.
 *
 * @param type what the entry holds
 * @param id   the identity within the type; printable, no line breaks, at most 512 characters
 */
public record CacheKey(EntryType type, String id) {

    public CacheKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > 512 || id.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("id must be 1 to 512 printable characters: " + id);
        }
    }

    /** A decoded frame of a source at a time, resolution and processing (the hash of the effect chain). */
    public static CacheKey frame(String sourceId, long timeMicros, int width, int height, String processingHash) {
        return new CacheKey(EntryType.FRAME,
                sourceId + "@" + timeMicros + "/" + width + "x" + height + "/" + processingHash);
    }

    public static CacheKey thumbnail(String sourceId, long timeMicros, int width) {
        return new CacheKey(EntryType.THUMBNAIL, sourceId + "@" + timeMicros + "/w" + width);
    }

    public static CacheKey waveform(String sourceId, long firstSample, int samples) {
        return new CacheKey(EntryType.WAVEFORM, sourceId + "@" + firstSample + "+" + samples);
    }

    public static CacheKey preview(String timelineId, int segment, String renderHash) {
        return new CacheKey(EntryType.PREVIEW, timelineId + "#" + segment + "/" + renderHash);
    }

    /** {@code type:id}, e.g. {@code frame:clip7@40000/3840x2160/none}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    /** Reads {@link #toString()} back. */
    public static CacheKey parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a cache key (TYPE:ID): " + text);
        }
        EntryType type = EntryType.valueOf(text.substring(0, colon).toUpperCase(Locale.ROOT));
        return new CacheKey(type, text.substring(colon + 1));
    }
}
