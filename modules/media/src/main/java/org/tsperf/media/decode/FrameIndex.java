package org.tsperf.media.decode;

import java.util.Arrays;

/**
 * The presentation timestamps of every frame of one video stream, sorted, in the stream's time base, and the
 * keyframes to seek to. Immutable; shared between the sources of one file through {@link FrameIndexCache}.
 *
 * @param pts          presentation timestamps of the frames, ascending (frame N is {@code pts[N]})
 * @param keyPts       presentation timestamps of the keyframes, ascending
 * @param keySeek      for each keyframe the timestamp to hand {@code av_seek_frame} of a demuxer that seeks by dts
 *                     (its dts: never after its pts, so a backward seek lands at or before it); demuxers that seek
 *                     by pts get {@code keyPts}
 * @param lastDuration duration of the last frame, stream time base
 * @param tbNum        stream time base numerator
 * @param tbDen        stream time base denominator
 * @param announced    frames the container announces (0 when it does not say)
 * @param truncated    the file ends before the frames its container announces
 */
record FrameIndex(long[] pts, long[] keyPts, long[] keySeek, long lastDuration, int tbNum, int tbDen,
        long announced, boolean truncated) {

    int frameCount() {
        return pts.length;
    }

    /** Exact index of a timestamp, or -(insertion point) - 1 as {@link Arrays#binarySearch}. */
    int find(long timestamp) {
        return Arrays.binarySearch(pts, timestamp);
    }

    /** The last frame shown at or before {@code timestamp}, clamped to the stream. */
    int frameAtTimestamp(long timestamp) {
        int i = find(timestamp);
        if (i >= 0) {
            return i;
        }
        return Math.max(0, Math.min(pts.length - 1, -i - 2));
    }

    /** Position in {@link #keyPts} of the last keyframe at or before frame {@code index}; 0 when none. */
    int keyframeBefore(int index) {
        int k = Arrays.binarySearch(keyPts, pts[index]);
        return k >= 0 ? k : Math.max(0, -k - 2);
    }

    long toMicros(long ticks) {
        return Math.round(ticks * 1_000_000.0 * tbNum / tbDen);
    }

    /** The last frame whose (rounded) time is at or before {@code micros}, clamped to the stream. */
    int frameAtMicros(long micros) {
        int lo = 0;
        int hi = pts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (timeOf(mid) <= micros) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Microseconds of a frame from the first frame. */
    long timeOf(int index) {
        return toMicros(pts[index] - pts[0]);
    }

    long durationOf(int index) {
        return index + 1 < pts.length ? toMicros(pts[index + 1] - pts[index]) : toMicros(lastDuration);
    }

    long durationMicros() {
        return timeOf(pts.length - 1) + toMicros(lastDuration);
    }

    /** True when the frame intervals differ by more than 1 % (a tick of rounding is not variable). */
    boolean variableFrameRate() {
        if (pts.length < 3) {
            return false;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 1; i < pts.length; i++) {
            long d = pts[i] - pts[i - 1];
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return max - min > Math.max(1, max / 100);
    }

    double frameRate() {
        long micros = durationMicros();
        return micros <= 0 ? 0 : pts.length * 1e6 / micros;
    }

    /** The index without the frames before {@code firstPts} (leading frames the decoder never outputs). */
    FrameIndex startingAt(long firstPts) {
        int from = frameAtTimestamp(firstPts);
        if (from == 0 || pts[from] != firstPts) {
            return this;
        }
        return new FrameIndex(Arrays.copyOfRange(pts, from, pts.length), keyPts, keySeek, lastDuration, tbNum, tbDen,
                announced, truncated);
    }
}
