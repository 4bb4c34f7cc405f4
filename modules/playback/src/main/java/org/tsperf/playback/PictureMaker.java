package org.tsperf.playback;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.EntryType;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.FrameOperation.ScaleFilter;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.playback.Picture;

/**
 * Turns decoded frames into pictures for the screen through the video processor (GPU where it wins, the CPU
 * reference otherwise), and keeps them in the frame cache, where the next request finds them.
 *
 * <p>When the processor's path is the CPU, the decoder makes the RGBA pictures itself ({@link FrameSource#deliverRgba}:
 * swscale scales and converts in one pass with the stream's matrix and range, for a fraction of the CPU reference's
 * cost) and only their bytes are copied here. With a GPU path the YUV planes go to the processor as before.
 * {@code -Dtsperf.playback.decoderRgba=false} keeps the processor's conversion on every path (comparisons).
 */
final class PictureMaker {

    /** Whether the decoder may make the RGBA pictures when the processor converts on the CPU. */
    static final boolean DECODER_RGBA = !"false".equals(System.getProperty("tsperf.playback.decoderRgba"));

    private final VideoProcessor processor;
    private final MultiLevelCache cache;
    private final TraceRecorder trace;

    PictureMaker(TraceRecorder trace) {
        this.trace = trace;
        processor = Lookup.getDefault().lookup(VideoProcessor.class);
        if (processor == null) {
            throw new IllegalStateException("no video processor: the GPU Acceleration module is missing; install it"
                    + " (Tools > Plugins)");
        }
        cache = Lookup.getDefault().lookup(MultiLevelCache.class);
    }

    /** Lets the processor choose its path now (it measures both at first use), not on the first frame played. */
    void warmUp() {
        processor.status();
    }

    /**
     * Has the source deliver pictures for {@code size}: scaled in the decoder, and in RGBA when the processor's path
     * is the CPU (see the class comment).
     */
    void fit(FrameSource frames, PictureSize size) {
        frames.scaleTo(size.width(), size.height());
        frames.deliverRgba(DECODER_RGBA && processor.status().path() == ProcessingPath.CPU);
    }

    /** The cache key of a picture of frame {@code index} of a source at a size. */
    static CacheKey key(String contentId, long index, int width, int height) {
        return new CacheKey(EntryType.FRAME, contentId + "#f" + index + "/" + width + "x" + height + "/rgba");
    }

    Optional<MultiLevelCache> cache() {
        return Optional.ofNullable(cache);
    }

    /** The picture from the cache, if it holds it. */
    Optional<Picture> cached(OpenedSource source, long index, PictureSize size) {
        trace.request(source.contentId(), index, 4L * size.width() * size.height());
        if (cache == null) {
            return Optional.empty();
        }
        return cache.get(key(source.contentId(), index, size.width(), size.height()))
                .filter(bytes -> bytes.length == size.width() * size.height() * 4)
                .map(bytes -> picture(source, index, size, bytes));
    }

    /** Converts and scales a decoded frame, and caches the result when {@code keep}. */
    Picture make(OpenedSource source, DecodedFrame frame, PictureSize size, boolean keep) {
        VideoFormat f = source.frames().format();
        byte[] bytes = new byte[size.width() * size.height() * 4];
        Frame decoded = frame.picture();
        boolean sameSize = size.width() == decoded.width() && size.height() == decoded.height();
        if (decoded.format() == PixelFormat.RGBA8 && sameSize) {
            // converted by the decoder (fit): the bytes only
            decoded.data().get(0, bytes);
        } else {
            List<FrameOperation> chain = decoded.format() == PixelFormat.RGBA8
                    ? List.of(new Scale(size.width(), size.height(), ScaleFilter.BILINEAR))
                    : sameSize ? List.of(new ConvertToRgba(f.matrix(), f.range()))
                    : List.of(new ConvertToRgba(f.matrix(), f.range()),
                            new Scale(size.width(), size.height(), ScaleFilter.BILINEAR));
            processor.process(decoded, chain, ByteBuffer.wrap(bytes));
        }
        if (cache != null && keep) {
            cache.put(key(source.contentId(), frame.index(), size.width(), size.height()), bytes);
        }
        return picture(source, frame.index(), size, bytes);
    }

    private static Picture picture(OpenedSource source, long index, PictureSize size, byte[] bytes) {
        return new Picture(index, source.frames().timeOf(index), new Frame(size.width(), size.height(),
                PixelFormat.RGBA8, ByteBuffer.wrap(bytes)), source.frames().format().rotation());
    }
}
