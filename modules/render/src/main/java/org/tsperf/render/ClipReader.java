package org.tsperf.render;

import java.nio.file.Path;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.FrameRate;

/**
 * The decoder of one clip: the source's picture for a timeline frame. Reading in order stays sequential
 * ({@link FrameSource#next}); a jump back or far ahead seeks. The last frame is held, so a source slower than the
 * project's rate shows it again without decoding.
 */
final class ClipReader implements AutoCloseable {

    /** Forward gaps up to this many frames are decoded through rather than sought (a 60p source in a 30p project). */
    private static final int MAX_SKIP = 8;

    private final Clip clip;
    private final FrameRate rate;
    private final FrameSource frames;
    private final Path file;
    private DecodedFrame last;

    ClipReader(Clip clip, FrameRate rate, FrameSource frames, Path file) {
        this.clip = clip;
        this.rate = rate;
        this.frames = frames;
        this.file = file;
    }

    FrameSource frames() {
        return frames;
    }

    /** The file decoded: the source or its proxy. */
    Path file() {
        return file;
    }

    /** The source's picture at timeline frame {@code frame}; valid until the next call or {@link #close}. */
    DecodedFrame frameFor(long frame) throws MediaException {
        long index = frames.frameAt(rate.micros(clip.sourceFrame(frame)));
        if (last != null && last.index() == index) {
            return last;
        }
        DecodedFrame next;
        if (last != null && index > last.index() && index - last.index() <= MAX_SKIP) {
            next = null;
            for (long i = last.index(); i < index; i++) {
                if (next != null) {
                    next.close();
                }
                next = frames.next();
                if (next == null) {
                    break;
                }
            }
            if (next == null || next.index() != index) {
                // the stream ended early or skipped: an exact seek says what is really there
                if (next != null) {
                    next.close();
                }
                next = frames.seek(index);
            }
        } else {
            next = frames.seek(index);
        }
        if (last != null) {
            last.close();
        }
        last = next;
        return next;
    }

    @Override
    public void close() {
        if (last != null) {
            last.close();
            last = null;
        }
        frames.close();
    }
}
