package org.tsperf.ui.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveTopComponentTest {

    /** A window whose sampler reads nothing; whether it may sample is set by the test. */
    private static final class Window extends LiveTopComponent {

        private static final long serialVersionUID = 1L;
        final transient LiveSampler<String> live = new LiveSampler<>("tsperf-test-live", Duration.ofHours(1),
                () -> null, v -> { });
        boolean serviceThere = true;

        Window() {
            sampleWhileShowing(live);
        }

        @Override
        protected boolean canSample() {
            return serviceThere;
        }
    }

    @Test
    void samplesOnlyWhileShowing() throws Exception {
        EventQueue.invokeAndWait(() -> {
            Window w = new Window();
            assertFalse(w.live.isRunning(), "nothing is read before the window shows");
            w.componentShowing();
            assertTrue(w.live.isRunning(), "showing starts the sampler");
            w.componentHidden();
            assertFalse(w.live.isRunning(), "a hidden window (a tab behind another) reads nothing");
            w.componentShowing();
            w.componentClosed();
            assertFalse(w.live.isRunning(), "closing stops it");
        });
    }

    @Test
    void doesNotSampleWhileItCannot() throws Exception {
        EventQueue.invokeAndWait(() -> {
            Window w = new Window();
            w.serviceThere = false;
            w.componentShowing();
            assertFalse(w.live.isRunning(), "no sampling without what it reads");
        });
    }
}
