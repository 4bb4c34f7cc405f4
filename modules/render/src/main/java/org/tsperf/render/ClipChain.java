package org.tsperf.render;

import java.util.ArrayList;
import java.util.List;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ColourAdjust;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.FrameOperation.ScaleFilter;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;

/** The GPU module's operations that turn a clip's decoded picture into its layer at the render size. */
final class ClipChain {

    /** A blur scaled below the operation's smallest sigma changes no pixel by more than a step: left out. */
    private static final double MIN_SIGMA = 0.3;

    private ClipChain() {
    }

    /**
     * Conversion to RGBA, a scale to {@code width x height} when the decoded picture has another size (a source of
     * another aspect ratio is stretched to the project's), then the clip's colour and blur effects in order, a blur's
     * sigma scaled by {@code width / projectWidth}.
     */
    static List<FrameOperation> of(Clip clip, VideoFormat format, Frame decoded, int width, int height,
            int projectWidth) {
        List<FrameOperation> chain = new ArrayList<>();
        chain.add(new ConvertToRgba(format.matrix(), format.range()));
        if (decoded.width() != width || decoded.height() != height) {
            chain.add(new Scale(width, height, ScaleFilter.BICUBIC));
        }
        double scale = (double) width / projectWidth;
        for (Effect e : clip.effects()) {
            if (e instanceof Effect.ColourAdjust c) {
                chain.add(new ColourAdjust(brightness(c.brightness()), c.contrast(), c.saturation(), c.gamma()));
            } else if (e instanceof Effect.Blur b) {
                double sigma = Math.min(20, b.sigma() * scale);
                if (sigma >= MIN_SIGMA) {
                    chain.add(new GaussianBlur(sigma));
                }
            }
        }
        return chain;
    }

    /**
     * ffmpeg's {@code eq} adds brightness to limited-range luma codes (219 steps from black to white); the operation
     * adds it to full-range RGB (255 steps): scaled so that a project means what {@code eq} means.
     */
    static double brightness(double eqBrightness) {
        return Math.max(-1, Math.min(1, eqBrightness * 255.0 / 219.0));
    }

    /** The clip's opacity: the product of its opacity effects, 1 without any. */
    static double opacity(Clip clip) {
        double o = 1;
        for (Effect e : clip.effects()) {
            if (e instanceof Effect.Opacity op) {
                o *= op.amount();
            }
        }
        return o;
    }
}
