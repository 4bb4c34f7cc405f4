package org.tsperf.api.playback;

/**
 * Delivery figures of a player since it opened its file.
 *
 * @param presented      frames shown
 * @param dropped        frames skipped because they were late and the read-ahead was low
 * @param late           frames shown later than their time by more than half a frame
 * @param deliveredFps   frames shown per second over the last second
 * @param cacheHits      pictures found in the frame cache instead of decoded
 * @param decodeP50Ms    decode time per frame, median, milliseconds
 * @param decodeP99Ms    decode time per frame, 99th percentile
 * @param convertP50Ms   convert-and-scale time per frame (through the video processor), median
 * @param convertP99Ms   convert-and-scale time per frame, 99th percentile
 * @param previewFrames  timeline frames read from rendered preview chunks instead of composited
 */
public record PlaybackCounters(long presented, long dropped, long late, double deliveredFps, long cacheHits,
        double decodeP50Ms, double decodeP99Ms, double convertP50Ms, double convertP99Ms,
        long previewFrames) {

    public static final PlaybackCounters NONE = new PlaybackCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
