package org.tsperf.playback;

import java.util.function.LongFunction;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.cache.PlaybackHint;
import org.tsperf.api.playback.Picture;

/**
 * Tells the frame cache (and the trace, when one is recorded) what the player knows at each picture shown: the
 * playhead and direction, the loop range, or a scrub, so that frames about to be shown are kept and frames behind a
 * forward play go first.
 */
final class CacheHints {

    private final TraceRecorder trace;

    CacheHints(TraceRecorder trace) {
        this.trace = trace;
    }

    void shown(String contentId, Picture picture, Transport.Command c) {
        LongFunction<CacheKey> keys = keys(contentId, picture);
        PlaybackHint hint;
        if (c.hasLoop() && c.speed() > 0) {
            hint = PlaybackHint.loop(contentId, c.loopIn(), c.loopOut(), keys);
        } else if (c.scrub() && c.speed() == 0) {
            hint = PlaybackHint.scrub(contentId, picture.index(), keys);
        } else {
            hint = PlaybackHint.play(contentId, picture.index(), c.speed(), keys);
        }
        trace.hint(hint);
        tell(hint);
    }

    /** The source is closed: its frames need no protection any more. */
    void stopped(String contentId, Picture onScreen) {
        tell(PlaybackHint.stop(contentId, keys(contentId, onScreen)));
    }

    private static void tell(PlaybackHint hint) {
        MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
        if (cache != null) {
            cache.hint(hint);
        }
    }

    /** The cache keys of a source's frames at the size of the picture on screen. */
    private static LongFunction<CacheKey> keys(String contentId, Picture onScreen) {
        int w = onScreen == null ? 0 : onScreen.rgba().width();
        int h = onScreen == null ? 0 : onScreen.rgba().height();
        return n -> PictureMaker.key(contentId, n, w, h);
    }
}
