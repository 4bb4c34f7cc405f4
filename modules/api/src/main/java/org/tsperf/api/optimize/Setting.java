package org.tsperf.api.optimize;

import java.util.Locale;

/** What a recommendation is about; {@link #key()} is its name in {@code tsperf optimize --json}. */
public enum Setting {
    PROXY_SIZES("proxy.sizes"),
    PROXY_FORMAT("proxy.format"),
    PARALLEL_JOBS("jobs.parallel"),
    MEMORY_PROFILE("memory.profile"),
    CACHE_L1_BUDGET("cache.l1.budget"),
    CACHE_L2_DIR("cache.l2.dir"),
    CACHE_L2_BUDGET("cache.l2.budget"),
    CACHE_L3_DIR("cache.l3.dir"),
    CACHE_L3_BUDGET("cache.l3.budget"),
    GPU_PATH("gpu.path"),
    MODULES_INSTALL("modules.install"),
    MODULES_REMOVE("modules.remove");

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Setting ofKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (Setting s : values()) {
            if (s.key.equals(k)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown setting " + key);
    }
}
