package org.tsperf.gpu;

import java.util.List;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ColourAdjust;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.CrossFade;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.FrameShape;
import org.tsperf.api.gpu.PixelFormat;

/** Validation of operation chains and the parameters both paths share, so that they compute with the same numbers. */
public final class Chains {

    private Chains() {
    }

    /** The output shape of a chain; throws IllegalArgumentException saying what is wrong. */
    public static FrameShape outputShape(Frame input, List<FrameOperation> operations) {
        FrameShape shape = new FrameShape(input.width(), input.height(), input.format());
        for (int i = 0; i < operations.size(); i++) {
            shape = after(shape, operations.get(i), i);
        }
        return shape;
    }

    /** The shape after one operation (the index is for the message). */
    /** Compute passes a chain takes on Vulkan: one per operation, two for a blur (horizontal, vertical). */
    public static int passes(List<FrameOperation> operations) {
        int n = 0;
        for (FrameOperation op : operations) {
            n += op instanceof FrameOperation.GaussianBlur ? 2 : 1;
        }
        return n;
    }

    public static FrameShape after(FrameShape in, FrameOperation op, int index) {
        if (op instanceof ConvertToRgba) {
            if (!in.format().isYuv()) {
                throw new IllegalArgumentException("operation " + (index + 1) + ": ConvertToRgba needs YUV input, not "
                        + in.format());
            }
            return new FrameShape(in.width(), in.height(), PixelFormat.RGBA8);
        }
        if (in.format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("operation " + (index + 1) + ": " + op.getClass().getSimpleName()
                    + " needs RGBA8 input; start the chain with ConvertToRgba for " + in.format());
        }
        if (op instanceof Scale s) {
            return new FrameShape(s.width(), s.height(), PixelFormat.RGBA8);
        }
        if (op instanceof CrossFade c && (c.other().width() != in.width() || c.other().height() != in.height())) {
            throw new IllegalArgumentException("operation " + (index + 1) + ": cross-fade frame is "
                    + c.other().width() + "x" + c.other().height() + ", the chain's frame " + in.width() + "x"
                    + in.height());
        }
        return in;
    }

    /** (yOffset, yRange, cOffset, cRange) in code values. */
    public static float[] yuvRange(ConvertToRgba op, PixelFormat format) {
        int bits = format == PixelFormat.I420_10LE ? 10 : 8;
        float s = 1 << (bits - 8);
        if (op.range() == FrameOperation.YuvRange.LIMITED) {
            return new float[] {16 * s, 219 * s, 128 * s, 224 * s};
        }
        float max = (1 << bits) - 1;
        return new float[] {0, max, 128 * s, max};
    }

    /** (rFromV, gFromU, gFromV, bFromU). */
    public static float[] yuvMatrix(ConvertToRgba op) {
        double kr = op.matrix().kr, kb = op.matrix().kb, kg = 1 - kr - kb;
        return new float[] {(float) (2 * (1 - kr)), (float) (2 * kb * (1 - kb) / kg), (float) (2 * kr * (1 - kr) / kg),
            (float) (2 * (1 - kb))};
    }

    /** (brightness, contrast, saturation, 1/gamma). */
    public static float[] colour(ColourAdjust op) {
        return new float[] {(float) op.brightness(), (float) op.contrast(), (float) op.saturation(),
            (float) (1 / op.gamma())};
    }

    /** 2 * radius + 1 normalised Gaussian weights. */
    public static float[] blurWeights(GaussianBlur op) {
        int r = op.radius();
        double[] w = new double[2 * r + 1];
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            w[k + r] = Math.exp(-(k * (double) k) / (2 * op.sigma() * op.sigma()));
            sum += w[k + r];
        }
        float[] f = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            f[i] = (float) (w[i] / sum);
        }
        return f;
    }

    /** Format code of the YUV shader. */
    public static int yuvFormatCode(PixelFormat f) {
        return switch (f) {
            case I420 -> 0;
            case NV12 -> 1;
            case I420_10LE -> 2;
            case RGBA8 -> throw new IllegalArgumentException("not YUV");
        };
    }
}
