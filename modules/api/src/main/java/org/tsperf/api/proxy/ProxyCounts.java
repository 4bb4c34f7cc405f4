package org.tsperf.api.proxy;

/**
 * @param generated proxies that are ready
 * @param wanted    proxies the known media need under the current settings
 */
public record ProxyCounts(int generated, int wanted) {

    public ProxyCounts {
        if (generated < 0 || wanted < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
