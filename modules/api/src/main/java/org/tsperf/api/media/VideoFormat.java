package org.tsperf.api.media;

import java.util.Objects;
import org.tsperf.api.gpu.FrameOperation.YuvMatrix;
import org.tsperf.api.gpu.FrameOperation.YuvRange;
import org.tsperf.api.gpu.PixelFormat;

/**
 * What the frames of a {@link FrameSource} are.
 *
 * @param width             coded width of the decoded pictures, pixels
 * @param height            coded height, pixels
 * @param pixelFormat       layout of the decoded pictures (the decoder's own where the processors take it: I420,
 *                          NV12, 10-bit I420; other layouts such as 4:2:2 are converted to the nearest of these)
 * @param sourcePixelFormat FFmpeg's name of the stream's format, e.g. "yuv422p10le"
 * @param matrix            YUV matrix to convert with (from the stream, else BT.709 for HD and up, BT.601 below)
 * @param range             code range to convert with (from the stream, else limited)
 * @param frameRate         average frames per second (frames over duration for variable frame rates)
 * @param variableFrameRate true when the frames are not evenly spaced
 * @param frameCount        exact number of frames (from the frame index)
 * @param durationMicros    from the first frame's start to the last frame's end
 * @param rotation          display rotation, degrees clockwise (0, 90, 180, 270): pictures are decoded unturned
 */
public record VideoFormat(int width, int height, PixelFormat pixelFormat, String sourcePixelFormat, YuvMatrix matrix,
        YuvRange range, double frameRate, boolean variableFrameRate, long frameCount, long durationMicros,
        int rotation) {

    public VideoFormat {
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(sourcePixelFormat, "sourcePixelFormat");
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(range, "range");
    }

    /** Width as displayed, after rotation. */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    /** Height as displayed, after rotation. */
    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }
}
