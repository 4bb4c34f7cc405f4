package org.tsperf.api.timeline;

import org.tsperf.api.gpu.Frame;
import org.tsperf.api.media.MediaException;

/**
 * A project's composited pictures at one size: each timeline frame decoded from its sources (proxies or originals, as
 * opened), with the clips' effects, transitions and opacity applied through the GPU module. Not thread-safe: one
 * thread at a time. Fastest read in order; any frame may be asked for.
 */
public interface TimelinePictures extends AutoCloseable {

    Project project();

    int width();

    int height();

    /**
     * The picture of timeline frame {@code frame} (0 .. project length - 1) as RGBA8 at {@link #width()} x
     * {@link #height()}; black where no clip is. The frame stays valid until the next call.
     *
     * @throws MediaException when a source cannot be read (the message names it)
     */
    Frame render(long frame) throws MediaException;

    /** Releases decoders and buffers. Idempotent. */
    @Override
    void close();
}
