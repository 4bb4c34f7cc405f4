package org.tsperf.api.timeline;

/**
 * A clip effect. Effects of a clip apply in list order to its pictures, before transitions and compositing; each
 * maps onto one operation of the GPU module ({@code org.tsperf.api.gpu.FrameOperation}). Immutable values: equal
 * effects make equal pictures, so they take part in the preview fingerprint.
 */
public sealed interface Effect {

    /** A short name for the UI and the undo history ("Colour", "Blur", "Opacity"). */
    String displayName();

    /**
     * Brightness (added, -1..1), contrast (0..4), saturation (0..4) and gamma (0.1..10) as in ffmpeg's {@code eq}
     * filter; the identity is (0, 1, 1, 1).
     */
    record ColourAdjust(double brightness, double contrast, double saturation, double gamma) implements Effect {
        public ColourAdjust {
            if (!(brightness >= -1 && brightness <= 1) || !(contrast >= 0 && contrast <= 4)
                    || !(saturation >= 0 && saturation <= 4) || !(gamma >= 0.1 && gamma <= 10)) {
                throw new IllegalArgumentException("colour adjustment out of range (brightness -1..1, contrast "
                        + "0..4, saturation 0..4, gamma 0.1..10): " + brightness + ", " + contrast + ", "
                        + saturation + ", " + gamma);
            }
        }

        @Override
        public String displayName() {
            return "Colour";
        }
    }

    /**
     * Gaussian blur with standard deviation {@code sigma} in pixels of the project's size (0.3..20); a preview at a
     * smaller size scales sigma with it.
     */
    record Blur(double sigma) implements Effect {
        public Blur {
            if (!(sigma >= 0.3 && sigma <= 20)) {
                throw new IllegalArgumentException("blur sigma must be 0.3 to 20 pixels, not " + sigma);
            }
        }

        @Override
        public String displayName() {
            return "Blur";
        }
    }

    /** How much of the clip covers the tracks below it: 1 covers, 0 leaves them showing (black on the lowest). */
    record Opacity(double amount) implements Effect {
        public Opacity {
            if (!(amount >= 0 && amount <= 1)) {
                throw new IllegalArgumentException("opacity must be 0 to 1, not " + amount);
            }
        }

        @Override
        public String displayName() {
            return "Opacity";
        }
    }
}
