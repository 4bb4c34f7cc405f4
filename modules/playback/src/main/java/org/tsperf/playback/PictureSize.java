package org.tsperf.playback;

import org.tsperf.api.media.VideoFormat;

/** The size pictures are made at: the display size fitted into the view, never larger than the decoded frame. */
record PictureSize(int width, int height) {

    /** Unturned size (as decoded) whose turned picture fits {@code viewWidth x viewHeight}. */
    static PictureSize fit(VideoFormat format, int viewWidth, int viewHeight) {
        double scale = Math.min(1.0, Math.min(viewWidth / (double) format.displayWidth(),
                viewHeight / (double) format.displayHeight()));
        int w = Math.max(2, (int) Math.round(format.width() * scale));
        int h = Math.max(2, (int) Math.round(format.height() * scale));
        return new PictureSize(w, h);
    }
}
