package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;

/** The preview settings: the size follows the scale, and an unusable stored value gives the default. */
class PreviewSettingsTest {

    private final Preferences prefs = PreviewSettings.preferences();
    private String idle;
    private String scale;

    @BeforeEach
    void keep() {
        idle = prefs.get(PreviewSettings.IDLE_KEY, null);
        scale = prefs.get(PreviewSettings.SCALE_KEY, null);
    }

    @AfterEach
    void restore() {
        restore(PreviewSettings.IDLE_KEY, idle);
        restore(PreviewSettings.SCALE_KEY, scale);
    }

    private void restore(String key, String value) {
        if (value == null) {
            prefs.remove(key);
        } else {
            prefs.put(key, value);
        }
    }

    @Test
    void thePreviewIsHalfSizeByDefaultAndFollowsTheScale() {
        prefs.remove(PreviewSettings.SCALE_KEY);
        Project uhd = Project.empty("p", 3840, 2160, new FrameRate(30, 1));
        assertEquals(1920, PreviewSettings.width(uhd));
        assertEquals(1080, PreviewSettings.height(uhd));
        prefs.put(PreviewSettings.SCALE_KEY, "0.25");
        assertEquals(960, PreviewSettings.width(uhd));
        Project odd = Project.empty("p", 1918, 1078, new FrameRate(30, 1));
        prefs.put(PreviewSettings.SCALE_KEY, "0.5");
        assertEquals(958, PreviewSettings.width(odd), "even");
        assertEquals(538, PreviewSettings.height(odd), "even");
    }

    @Test
    void unusableValuesGiveTheDefaults() {
        prefs.put(PreviewSettings.SCALE_KEY, "big");
        prefs.put(PreviewSettings.IDLE_KEY, "-5");
        assertEquals(0.5, PreviewSettings.scale());
        assertEquals(Duration.ofSeconds(3), PreviewSettings.idleDelay());
        prefs.put(PreviewSettings.SCALE_KEY, "3");
        prefs.put(PreviewSettings.IDLE_KEY, "250");
        assertEquals(0.5, PreviewSettings.scale(), "out of range");
        assertEquals(Duration.ofMillis(250), PreviewSettings.idleDelay());
    }
}
