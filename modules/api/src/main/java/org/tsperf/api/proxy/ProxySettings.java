package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What proxies to make and where to keep them.
 *
 * @param resolutions the sizes wanted (the strategy may skip some, saying why)
 * @param format      codec and container
 * @param quality     wanted quality (the strategy may lower it, saying why)
 * @param store       the proxy store folder (proxies and their index)
 */
public record ProxySettings(List<ProxyResolution> resolutions, ProxyFormat format, ProxyQuality quality, Path store) {

    public ProxySettings {
        resolutions = List.copyOf(resolutions);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(store, "store");
        if (resolutions.isEmpty()) {
            throw new IllegalArgumentException("no proxy resolution given");
        }
        if (resolutions.stream().map(ProxyResolution::name).distinct().count() != resolutions.size()) {
            throw new IllegalArgumentException("a proxy resolution is given twice: " + resolutions);
        }
    }

    /** Quarter and Half, H.264, medium quality, in {@code store}. */
    public static ProxySettings defaults(Path store) {
        return new ProxySettings(ProxyResolution.BUILT_IN, ProxyFormat.H264, ProxyQuality.MEDIUM, store);
    }

    public ProxySettings withStore(Path newStore) {
        return new ProxySettings(resolutions, format, quality, newStore);
    }
}
