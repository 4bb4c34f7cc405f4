package org.tsperf.cli;

import java.nio.file.Path;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyConfiguration;

/**
 * The proxy configuration of a command's own process, as playback reads it: which store to look in and whether
 * proxies are used (the command line's {@code --store} and {@code --proxy}; nothing is saved).
 */
final class PlaybackProxies {

    /** Where {@code tsperf proxy} puts proxies unless told otherwise. */
    static final Path DEFAULT_STORE = Path.of(System.getProperty("user.home"), ".tsperf", "proxies");

    private PlaybackProxies() {
    }

    static void configure(Path store, boolean useProxies) {
        ProxyConfiguration proxies = Services.require(ProxyConfiguration.class, "Proxy Engine");
        ProxyConfig config = proxies.config();
        Path dir = store != null ? store.toAbsolutePath().normalize() : DEFAULT_STORE;
        proxies.setConfig(config.withSettings(config.settings().withStore(dir)).withUseProxies(useProxies));
    }
}
