package org.tsperf.api.proxy;

/**
 * The proxy configuration (Tools &gt; Options &gt; Performance &gt; Proxies): read, and saved and applied. Provided by the proxy module;
 * thread-safe. In a plain JVM (the command line) it lives in memory only.
 */
public interface ProxyConfiguration {

    /** The configuration; defaults where the user set nothing. */
    ProxyConfig config();

    /**
     * Saves a new configuration and applies it: worker count at once, the size limit by a cleanup run, the rest for
     * jobs queued from now on.
     *
     * @throws org.tsperf.api.util.SettingsNotSavedException when the settings file cannot be written (e.g. a full
     *         disk): nothing changed, and the message names the file, the disk and what to do
     */
    void setConfig(ProxyConfig config);
}
