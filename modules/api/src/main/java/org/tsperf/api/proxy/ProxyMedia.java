package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One source of the Proxy Manager's media list and its proxies.
 *
 * @param source      absolute path
 * @param online      whether the file is there now (a drive not connected makes it offline)
 * @param description the source's video in words, e.g. "3840x2160 h264 High, 29.97 fps, 20.0 s"; or why it cannot be
 *                    read
 * @param proxies     one state per wanted resolution, in the configuration's order
 * @param reasons     the strategy's decisions for its last plan, in words; may be empty
 */
public record ProxyMedia(Path source, boolean online, String description, List<ProxyState> proxies,
        List<String> reasons) {

    public ProxyMedia {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(description, "description");
        proxies = List.copyOf(proxies);
        reasons = List.copyOf(reasons);
    }

    /** True when a proxy job of this source is queued or running. */
    public boolean busy() {
        return proxies.stream().anyMatch(p -> p.kind() == ProxyState.Kind.QUEUED
                || p.kind() == ProxyState.Kind.RUNNING);
    }
}
