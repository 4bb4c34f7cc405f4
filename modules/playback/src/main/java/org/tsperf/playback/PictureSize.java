package org.tsperf.playback;

import org.tsperf.api.media.VideoFormat;

/**
 * The size pictures are made at: the display size fitted into the view, never larger than the decoded frame, even
 * (the decoder scales 4:2:0 pictures to it before they are converted).
 */
record PictureSize(int width, int height) {

    /** Unturned size (as decoded) whose turned picture fits {@code viewWidth x viewHeight}. */
    static PictureSize fit(VideoFormat format, int viewWidth, int viewHeight) {
        double scale = Math.min(1.0, Math.min(viewWidth / (double) format.displayWidth(),
                viewHeight / (double) format.displayHeight()));
        int w = Math.min(format.width(), Math.max(2, 2 * (int) Math.round(format.width() * scale / 2)));
        int h = Math.min(format.height(), Math.max(2, 2 * (int) Math.round(format.height() * scale / 2)));
        return new PictureSize(w, h);
    }
}
