package org.tsperf.api.cache;

import java.util.List;

/**
 * The cache's settings, kept in the user directory: read, validated, saved and applied. Provided by the cache module;
 * thread-safe, cheap (no file is touched), so the Options panel may read it on the event thread. In a plain JVM (the
 * command line, unit tests) the settings live in memory only. A stored value that is corrupt or out of range reads as
 * its default, with a WARNING that names it.
 */
public interface CacheConfiguration {

    /** The settings as stored, defaults where nothing (or nothing usable) is stored. */
    CacheConfig config();

    /** The settings when the user set nothing. */
    CacheConfig defaults();

    /**
     * Saves the settings. The L1 budget applies to the running cache at once; the L2 and L3 folders and budgets
     * take effect after a restart (the disk levels and their indexes stay open while the workbench runs).
     * Not on the event thread (it writes the settings).
     *
     * @return whether everything that changed took effect at once (false: something waits for a restart)
     * @throws org.tsperf.api.util.SettingsNotSavedException when the settings file cannot be written (e.g. a full
     *         disk): nothing changed, and the message names the file, the disk and what to do
     */
    boolean setConfig(CacheConfig config);

    /** The start options ({@code -Dtsperf.cache.*}) that decide instead of the stored settings, e.g. for tests. */
    List<String> overriddenBy();
}
