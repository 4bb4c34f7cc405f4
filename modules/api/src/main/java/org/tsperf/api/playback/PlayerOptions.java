package org.tsperf.api.playback;

import java.util.Objects;

/**
 * How a player chooses and paces its frames.
 *
 * @param proxies whether playback may read proxies
 * @param audio   play the sound where an output device exists
 * @param paced   present frames at the clock; false: as fast as they are made, none dropped (benchmarks)
 */
public record PlayerOptions(ProxyUse proxies, boolean audio, boolean paced) {

    /** Whether playback reads proxies. */
    public enum ProxyUse {
        /**
         * the proxy configuration's "Use proxies" switch decides (the Proxy Manager's; the command line sets it for
         * its own process): the smallest ready proxy at least as wide as the view
         */
        CONFIGURED,
        /** always the original */
        OFF
    }

    public PlayerOptions {
        Objects.requireNonNull(proxies, "proxies");
    }

    /** The Viewer's: the configured proxy switch, sound, paced. */
    public static PlayerOptions viewer() {
        return new PlayerOptions(ProxyUse.CONFIGURED, true, true);
    }
}
