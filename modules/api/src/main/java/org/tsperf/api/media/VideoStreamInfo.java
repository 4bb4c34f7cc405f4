package org.tsperf.api.media;

/**
 * One video stream.
 *
 * @param index            stream index in the container
 * @param codec            codec name, e.g. "h264", "hevc", "prores"
 * @param profile          codec profile, e.g. "High", "Main 10"; empty when unknown
 * @param width            coded width in pixels (before rotation)
 * @param height           coded height in pixels (before rotation)
 * @param pixelFormat      e.g. "yuv420p", "yuv420p10le"; empty when unknown
 * @param bitDepth         bits per component, 0 when unknown
 * @param frameRate        average frame rate in frames per second, 0 when unknown
 * @param variableFrameRate true when the container's timestamps are not evenly spaced (average rate differs from the
 *                         base rate)
 * @param rotation         display rotation in degrees clockwise (0, 90, 180, 270)
 * @param colorSpace       e.g. "bt709", "bt2020nc"; empty when unspecified
 * @param colorRange       "tv" (limited) or "pc" (full); empty when unspecified
 * @param frameCount       frames the container announces, 0 when it does not say
 * @param durationSeconds  the stream's duration, 0 when unknown
 * @param attachedPicture  a cover picture rather than moving video
 */
public record VideoStreamInfo(int index, String codec, String profile, int width, int height, String pixelFormat,
        int bitDepth, double frameRate, boolean variableFrameRate, int rotation, String colorSpace, String colorRange,
        long frameCount, double durationSeconds, boolean attachedPicture) {

    /** Width as displayed, after rotation. */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    /** Height as displayed, after rotation. */
    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }
}
