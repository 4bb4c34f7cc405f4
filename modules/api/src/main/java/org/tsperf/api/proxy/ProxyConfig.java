package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The workbench's proxy configuration (Tools &gt; Options &gt; Performance &gt; Proxies), persisted by the proxy module.
 *
 * @param settings           sizes, format, quality and store folder of new proxies
 * @param generateAsync      make proxies in the background as soon as media are added
 * @param parallelGeneration make proxies of several sources at once (else one at a time)
 * @param maxConcurrentJobs  how many sources at once when parallel, at least 1
 * @param maxCacheSizeBytes  the size the proxy store may take on disk
 * @param cleanupPolicy      what happens when the store grows past {@code maxCacheSizeBytes}
 * @param useProxies         playback and previews read proxies instead of the sources where they exist
 */
public record ProxyConfig(ProxySettings settings, boolean generateAsync, boolean parallelGeneration,
        int maxConcurrentJobs, long maxCacheSizeBytes, CleanupPolicy cleanupPolicy, boolean useProxies) {

    /** 50 GiB: about 100 hours of quarter plus half proxies of 4K footage. */
    public static final long DEFAULT_MAX_CACHE_SIZE = 50L << 30;

    public ProxyConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (maxConcurrentJobs < 1 || maxConcurrentJobs > 64) {
            throw new IllegalArgumentException("maxConcurrentJobs must be 1 to 64, not " + maxConcurrentJobs);
        }
        if (maxCacheSizeBytes < 1) {
            throw new IllegalArgumentException("maxCacheSize must be positive, not " + maxCacheSizeBytes + " bytes");
        }
    }

    public static ProxyConfig defaults(Path store) {
        return new ProxyConfig(ProxySettings.defaults(store), true, true, 2, DEFAULT_MAX_CACHE_SIZE,
                CleanupPolicy.LEAST_RECENTLY_USED, true);
    }

    /** How many sources may be made at once under this configuration. */
    public int effectiveJobs() {
        return parallelGeneration ? maxConcurrentJobs : 1;
    }

    public ProxyConfig withSettings(ProxySettings s) {
        return new ProxyConfig(s, generateAsync, parallelGeneration, maxConcurrentJobs, maxCacheSizeBytes,
                cleanupPolicy, useProxies);
    }

    public ProxyConfig withGenerateAsync(boolean async) {
        return new ProxyConfig(settings, async, parallelGeneration, maxConcurrentJobs, maxCacheSizeBytes,
                cleanupPolicy, useProxies);
    }

    public ProxyConfig withUseProxies(boolean use) {
        return new ProxyConfig(settings, generateAsync, parallelGeneration, maxConcurrentJobs, maxCacheSizeBytes,
                cleanupPolicy, use);
    }

    public ProxyConfig withMaxCacheSize(long bytes, CleanupPolicy policy) {
        return new ProxyConfig(settings, generateAsync, parallelGeneration, maxConcurrentJobs, bytes, policy,
                useProxies);
    }
}
