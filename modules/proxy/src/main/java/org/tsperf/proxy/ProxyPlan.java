package org.tsperf.proxy;

import java.util.List;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;

/**
 * What the strategy decided for one source.
 *
 * @param targets the proxies to make, largest first
 * @param reasons every decision in words
 * @param quality the effective quality
 * @param encoder the video encoder, e.g. "libx264"
 */
record ProxyPlan(List<Target> targets, List<String> reasons, ProxyQuality quality, String encoder) {

    ProxyPlan {
        targets = List.copyOf(targets);
        reasons = List.copyOf(reasons);
    }

    /** One proxy: a resolution and its exact size in pixels (even, aspect kept). */
    record Target(ProxyResolution resolution, int width, int height) {
    }
}
