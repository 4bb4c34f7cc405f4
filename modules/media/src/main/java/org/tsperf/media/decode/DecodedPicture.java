package org.tsperf.media.decode;

import org.tsperf.api.gpu.Frame;
import org.tsperf.api.media.DecodedFrame;

/** A decoded frame in its leased buffer; closing gives the buffer back once. */
final class DecodedPicture implements DecodedFrame {

    private final long index;
    private final long time;
    private final long duration;
    private final Frame picture;
    private FrameBuffers.Lease lease;

    DecodedPicture(long index, long time, long duration, Frame picture, FrameBuffers.Lease lease) {
        this.index = index;
        this.time = time;
        this.duration = duration;
        this.picture = picture;
        this.lease = lease;
    }

    @Override
    public long index() {
        return index;
    }

    @Override
    public long timeMicros() {
        return time;
    }

    @Override
    public long durationMicros() {
        return duration;
    }

    @Override
    public synchronized Frame picture() {
        if (lease == null) {
            throw new IllegalStateException("frame " + index + " is closed: its buffer went back to the pool");
        }
        return picture;
    }

    @Override
    public synchronized void close() {
        if (lease != null) {
            lease.release();
            lease = null;
        }
    }

    @Override
    public String toString() {
        return "DecodedFrame[" + index + " at " + time + " us, " + picture + "]";
    }
}
