package org.tsperf.playback;

import java.nio.ByteBuffer;
import java.util.List;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.FrameOperation.ScaleFilter;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.timeline.PreviewRenderService.RenderedChunk;

/**
 * Reads one rendered preview chunk: its frame i is timeline frame {@code chunk.start() + i}, decoded in order while
 * playing forward and by an exact seek otherwise, scaled to the picture size. One thread (the decoder's).
 */
final class RenderedChunkReader implements AutoCloseable {

    private final RenderedChunk chunk;
    private final FrameSource frames;
    private final PictureSize size;
    private final VideoProcessor processor;
    private long next;

    RenderedChunkReader(RenderedChunk chunk, MediaDecoder decoder, PictureSize size) throws MediaException {
        this.chunk = chunk;
        this.size = size;
        processor = Lookup.getDefault().lookup(VideoProcessor.class);
        if (processor == null) {
            chunk.close();
            throw new IllegalStateException("no video processor: the GPU Acceleration module is missing");
        }
        try {
            frames = decoder.open(chunk.file(), DecodeOptions.playback());
        } catch (MediaException | RuntimeException ex) {
            chunk.close();
            throw ex;
        }
        frames.scaleTo(size.width(), size.height());
    }

    String fingerprint() {
        return chunk.chunk().fingerprint();
    }

    boolean covers(long index) {
        return chunk.chunk().start() <= index && index < chunk.chunk().end();
    }

    /** Frame {@code index} of the timeline as RGBA into {@code bytes}; false when the file lacks it (short file). */
    boolean read(long index, byte[] bytes) throws MediaException {
        long i = index - chunk.chunk().start();
        if (i < 0 || i >= frames.format().frameCount()) {
            return false;
        }
        try (DecodedFrame f = i == next ? frames.next() : frames.seek(i)) {
            if (f == null) {
                return false;
            }
            next = f.index() + 1;
            VideoFormat format = frames.format();
            Frame picture = f.picture();
            List<FrameOperation> chain = picture.width() == size.width() && picture.height() == size.height()
                    ? List.of(new ConvertToRgba(format.matrix(), format.range()))
                    : List.of(new ConvertToRgba(format.matrix(), format.range()),
                            new Scale(size.width(), size.height(), ScaleFilter.BILINEAR));
            processor.process(picture, chain, ByteBuffer.wrap(bytes));
            return true;
        }
    }

    @Override
    public void close() {
        frames.close();
        chunk.close();
    }
}
