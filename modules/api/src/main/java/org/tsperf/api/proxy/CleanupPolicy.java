package org.tsperf.api.proxy;

/** What happens when the proxy store grows past its size limit. */
public enum CleanupPolicy {
    /** Delete the proxies used least recently first, never one in use, until the store fits. */
    LEAST_RECENTLY_USED("Delete the least recently used proxies"),
    /** Delete nothing; the Proxy Manager and the log say the store is over its limit. */
    MANUAL("Delete nothing, warn");

    private final String displayName;

    CleanupPolicy(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
