package org.tsperf.api.media;

import java.util.Objects;
import org.tsperf.api.memory.Priority;

/**
 * How to decode.
 *
 * @param threads        decoder threads; 0 lets FFmpeg choose from the cores
 * @param hardware       try a hardware decoder (used only once it decoded a test frame correctly)
 * @param bufferPriority priority of the frames' buffers at the memory manager (playback: {@link Priority#HIGH})
 */
public record DecodeOptions(int threads, boolean hardware, Priority bufferPriority) {

    public DecodeOptions {
        Objects.requireNonNull(bufferPriority, "bufferPriority");
        if (threads < 0 || threads > 64) {
            throw new IllegalArgumentException("decoder threads must be 0 (automatic) to 64, not " + threads);
        }
    }

    /** Playback and scrubbing: all cores, hardware where it works, read-ahead priority. */
    public static DecodeOptions playback() {
        return new DecodeOptions(0, true, Priority.HIGH);
    }

    /** Thumbnails and background work: one thread, software, low priority. */
    public static DecodeOptions background() {
        return new DecodeOptions(1, false, Priority.LOW);
    }
}
