package org.tsperf.api.playback;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a player chooses and paces its frames.
 *
 * @param proxies    whether playback may read proxies
 * @param audio      play the sound where an output device exists
 * @param paced      present frames at the clock; false: as fast as they are made, none dropped (benchmarks)
 * @param cacheTrace where to write the player's frame-cache requests and hints as a trace that
 *                   {@code tsperf cache replay} reads ({@code CLIP:fN SIZE} lines and {@code @play}, {@code @loop},
 *                   {@code @scrub} hint lines, CLIP being the source's content id), to measure the cache policy on
 *                   real sessions; empty: no trace
 */
public record PlayerOptions(ProxyUse proxies, boolean audio, boolean paced, Optional<Path> cacheTrace) {

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
        Objects.requireNonNull(cacheTrace, "cacheTrace");
    }

    /** Without a trace. */
    public PlayerOptions(ProxyUse proxies, boolean audio, boolean paced) {
        this(proxies, audio, paced, Optional.empty());
    }

    /** The Viewer's: the configured proxy switch, sound, paced. */
    public static PlayerOptions viewer() {
        return new PlayerOptions(ProxyUse.CONFIGURED, true, true);
    }
}
