package org.tsperf.api.playback;

import java.util.Locale;

/** SMPTE-style non-drop timecodes, HH:MM:SS:FF. */
public final class Timecode {

    private Timecode() {
    }

    /** Frame {@code index} at {@code frameRate} (rounded to a whole number of frames a second, as NLEs show it). */
    public static String of(long index, double frameRate) {
        int fps = Math.max(1, (int) Math.round(frameRate));
        long frames = index % fps;
        long seconds = index / fps;
        return String.format(Locale.ROOT, "%02d:%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60,
                frames);
    }
}
