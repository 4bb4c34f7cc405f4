package org.tsperf.render;

import java.time.Duration;
import java.util.prefs.Preferences;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.util.ModulePreferences;
import org.tsperf.api.util.StoredSettings;

/**
 * The preview render's settings, in the render module's preferences: how long the user must be idle before chunks
 * are rendered ({@value #IDLE_KEY}, milliseconds, default 3000) and the preview size as a share of the project's
 * ({@value #SCALE_KEY}, 0.1 to 1, default 0.5: half the width and height). No Options tab yet: set in the module's
 * preferences.
 */
final class PreviewSettings {

    static final String IDLE_KEY = "preview.idleDelayMillis";
    static final String SCALE_KEY = "preview.scale";
    static final long DEFAULT_IDLE_MILLIS = 3000;
    static final double DEFAULT_SCALE = 0.5;
    /** Chunk length in seconds (the default). */
    static final double CHUNK_SECONDS = 1.0;

    private PreviewSettings() {
    }

    static Preferences preferences() {
        return ModulePreferences.forModule(PreviewSettings.class);
    }

    /** A value that does not parse or is out of range gives the default, with a WARNING naming it. */
    static Duration idleDelay() {
        return Duration.ofMillis(StoredSettings.read(preferences(), IDLE_KEY, DEFAULT_IDLE_MILLIS, text -> {
            long ms = Long.parseLong(text);
            if (ms < 0 || ms > 3_600_000) {
                throw new IllegalArgumentException("the idle delay must be 0 to 3600000 ms");
            }
            return ms;
        }));
    }

    static double scale() {
        return StoredSettings.read(preferences(), SCALE_KEY, DEFAULT_SCALE, text -> {
            double s = Double.parseDouble(text);
            if (!(s >= 0.1 && s <= 1)) {
                throw new IllegalArgumentException("the preview scale must be 0.1 to 1");
            }
            return s;
        });
    }

    /** The preview width of a project: its width at the scale, even, at least 16. */
    static int width(Project p) {
        return even(p.width() * scale());
    }

    static int height(Project p) {
        return even(p.height() * scale());
    }

    private static int even(double pixels) {
        return Math.max(16, ((int) Math.round(pixels)) & ~1);
    }
}
