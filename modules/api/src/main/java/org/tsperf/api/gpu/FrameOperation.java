package org.tsperf.api.gpu;

import java.util.Objects;

/**
 * One operation on a frame. A list of operations is a chain: each one reads the previous one's output. YUV input must
 * start with {@link ConvertToRgba}; every other operation reads and writes {@link PixelFormat#RGBA8}.
 */
public sealed interface FrameOperation {

    /** YUV matrix of {@link ConvertToRgba}. */
    enum YuvMatrix {
        BT601(0.299, 0.114), BT709(0.2126, 0.0722);

        public final double kr;
        public final double kb;

        YuvMatrix(double kr, double kb) {
            this.kr = kr;
            this.kb = kb;
        }
    }

    /** Code range of {@link ConvertToRgba}: limited (16-235/240 for 8 bit) or full. */
    enum YuvRange { LIMITED, FULL }

    /** Filter of {@link Scale}: bilinear (fast) or bicubic Catmull-Rom (sharper, for proxies and the viewer). */
    enum ScaleFilter { BILINEAR, BICUBIC }

    /** YUV 4:2:0 (I420, NV12, 10 bit) to RGBA8. */
    record ConvertToRgba(YuvMatrix matrix, YuvRange range) implements FrameOperation {
        public ConvertToRgba {
            Objects.requireNonNull(matrix, "matrix");
            Objects.requireNonNull(range, "range");
        }
    }

    /** Resizes to width x height. */
    record Scale(int width, int height, ScaleFilter filter) implements FrameOperation {
        public Scale {
            Objects.requireNonNull(filter, "filter");
            if (width < 1 || height < 1 || width > 16384 || height > 16384) {
                throw new IllegalArgumentException("scale size out of range: " + width + "x" + height);
            }
        }
    }

    /**
     * Brightness (added, -1..1), contrast (factor around mid grey, 0..4), saturation (factor around luma, 0..4) and
     * gamma (0.1..10; output = input^(1/gamma)). The identity is (0, 1, 1, 1).
     */
    record ColourAdjust(double brightness, double contrast, double saturation, double gamma) implements FrameOperation {
        public ColourAdjust {
            if (!(brightness >= -1 && brightness <= 1) || !(contrast >= 0 && contrast <= 4)
                    || !(saturation >= 0 && saturation <= 4) || !(gamma >= 0.1 && gamma <= 10)) {
                throw new IllegalArgumentException("colour adjustment out of range: brightness " + brightness
                        + ", contrast " + contrast + ", saturation " + saturation + ", gamma " + gamma);
            }
        }
    }

    /** Separable Gaussian blur with standard deviation sigma pixels (0.3..20); radius ceil(3 sigma). */
    record GaussianBlur(double sigma) implements FrameOperation {
        public GaussianBlur {
            if (!(sigma >= 0.3 && sigma <= 20)) {
                throw new IllegalArgumentException("blur sigma must be 0.3 to 20, not " + sigma);
            }
        }

        public int radius() {
            return (int) Math.ceil(3 * sigma);
        }
    }

    /** Mixes towards {@code other} (an RGBA8 frame of the current size): 0 keeps the input, 1 gives other. */
    record CrossFade(Frame other, double amount) implements FrameOperation {
        public CrossFade {
            Objects.requireNonNull(other, "other");
            if (other.format() != PixelFormat.RGBA8) {
                throw new IllegalArgumentException("cross-fade needs an RGBA8 frame, not " + other.format());
            }
            if (!(amount >= 0 && amount <= 1)) {
                throw new IllegalArgumentException("cross-fade amount must be 0 to 1, not " + amount);
            }
        }
    }
}
