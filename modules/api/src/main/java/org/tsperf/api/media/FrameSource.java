package org.tsperf.api.media;

import java.nio.file.Path;

/**
 * An open video stream, read frame by frame in presentation order or from any frame after a seek. Frame indexes
 * count from 0 as FFmpeg's {@code select=eq(n\,N)} does; times are microseconds from the first frame's presentation
 * time (so a stream that starts at a non-zero timestamp still starts at 0). Not thread-safe: one thread at a time.
 * Frames handed out stay valid after later reads until they are closed.
 */
public interface FrameSource extends AutoCloseable {

    Path file();

    VideoFormat format();

    /** The decoder in use and why (e.g. "h264, software, 2 threads" or "hevc, hardware (vaapi)"). */
    DecoderInfo decoder();

    /**
     * The next frame in presentation order (after the last one read or sought), or null at the end of the stream.
     *
     * @throws MediaException when the stream cannot be decoded further (with the frame it failed at)
     */
    DecodedFrame next() throws MediaException;

    /**
     * The frame at {@code index} (0 .. frameCount-1), exact for long-GOP, B-frames, open GOPs and variable frame
     * rates; {@link #next} continues with the frame after it.
     *
     * @throws IndexOutOfBoundsException for an index outside the stream
     */
    DecodedFrame seek(long index) throws MediaException;

    /**
     * Delivers the next pictures scaled down to fit {@code width x height} (unturned, as decoded; rounded to even
     * sizes, never above the coded size; the pixel format stays), or at the coded size again with (0, 0). Playback
     * shows 4K and 8K at the view's size: scaling in the decoder's own YUV (swscale, area averaging) before the
     * conversion to RGBA makes that conversion 16x smaller for a 4K frame shown at 960x540.
     */
    void scaleTo(int width, int height);

    /**
     * Asks for the next pictures in {@link org.tsperf.api.gpu.PixelFormat#RGBA8} (with {@code true}), converted by
     * the decoder's own converter at the {@link #scaleTo} size in the same pass as the scaling, with the stream's
     * {@link VideoFormat#matrix() matrix} and {@link VideoFormat#range() range}; or in the decoder's YUV format again
     * (with {@code false}). Playback asks for it when the video processor converts on the CPU anyway: swscale's
     * conversion costs a fraction of the CPU reference's. {@link VideoFormat#pixelFormat()} keeps saying the
     * stream's own format; the pictures' {@link org.tsperf.api.gpu.Frame#format()} says what they hold.
     *
     * @return whether the pictures are now delivered as asked; a source that cannot convert answers false to
     *         {@code true} and goes on delivering YUV (the default)
     */
    default boolean deliverRgba(boolean rgba) {
        return !rgba;
    }

    /** The index of the frame shown at {@code timeMicros} (clamped to the stream). */
    long frameAt(long timeMicros);

    /** The presentation time of a frame, microseconds from the first frame. */
    long timeOf(long index);

    /** Releases the decoder and its native memory. Idempotent; frames still held stay valid until closed. */
    @Override
    void close();
}
