package org.tsperf.api.media;

import java.nio.file.Path;

/**
 * Frame-accurate decoding of media files (originals and proxies). Provided through Lookup by the media module: the
 * one decoder of the product (playback, thumbnails, exports, the command line). Thread-safe; opening reads the file,
 * so never call it on the event thread.
 */
public interface MediaDecoder {

    /**
     * Opens the main video stream of a file. Builds (or finds) the file's frame index, so that frame N is exactly the
     * frame that {@code ffmpeg -i FILE -vf "select=eq(n\,N)"} gives.
     *
     * @throws MediaException with what is wrong with the file and what to do (missing, not media, no video...)
     */
    FrameSource open(Path file, DecodeOptions options) throws MediaException;

    /**
     * Opens the first audio stream of a file, resampled to {@code format}.
     *
     * @throws MediaException as {@link #open}; a file without an audio stream is refused (ask {@link #hasAudio}
     *                        first)
     */
    AudioSource openAudio(Path file, AudioFormat format) throws MediaException;

    /** True when the file has an audio stream {@link #openAudio} can decode. Reads the container header. */
    boolean hasAudio(Path file);
}
