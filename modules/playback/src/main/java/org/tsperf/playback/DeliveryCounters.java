package org.tsperf.playback;

import java.util.concurrent.atomic.AtomicLong;
import org.tsperf.api.playback.PlaybackCounters;

/**
 * What a player delivered since its file opened: presented, dropped and late frames, cache hits, frames from rendered
 * previews, stage times.
 */
final class DeliveryCounters {

    private static final long SECOND = 1_000_000_000L;

    final AtomicLong presented = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong late = new AtomicLong();
    final AtomicLong cacheHits = new AtomicLong();
    /** Timeline frames read from rendered preview chunks. */
    final AtomicLong previewFrames = new AtomicLong();
    final StageTimes decode = new StageTimes();
    final StageTimes convert = new StageTimes();
    /** Presentation times (nanoTime) of the last frames, for the delivered rate over the last second. */
    private final long[] shownAt = new long[512];
    private int shown;

    synchronized void presentedAt(long nanos) {
        presented.incrementAndGet();
        shownAt[shown++ % shownAt.length] = nanos;
    }

    /** Frames presented within the second before {@code now}. */
    synchronized double deliveredFps(long now) {
        int n = 0;
        for (int i = 1; i <= Math.min(shown, shownAt.length); i++) {
            long t = shownAt[(shown - i) % shownAt.length];
            if (now - t > SECOND) {
                break;
            }
            n++;
        }
        return n;
    }

    synchronized void reset() {
        presented.set(0);
        dropped.set(0);
        late.set(0);
        cacheHits.set(0);
        previewFrames.set(0);
        decode.clear();
        convert.clear();
        shown = 0;
    }

    PlaybackCounters snapshot(long now) {
        return new PlaybackCounters(presented.get(), dropped.get(), late.get(), deliveredFps(now), cacheHits.get(),
                decode.percentileMs(0.5), decode.percentileMs(0.99), convert.percentileMs(0.5),
                convert.percentileMs(0.99), previewFrames.get());
    }
}
