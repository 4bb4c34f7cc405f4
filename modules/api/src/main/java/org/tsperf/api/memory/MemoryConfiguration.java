package org.tsperf.api.memory;

import java.util.Optional;

/**
 * The memory profile the memory manager uses (Tools &gt; Options &gt; Performance &gt; Memory), kept in the user
 * directory: {@link #AUTOMATIC} (the profile of this machine's physical memory) or the name of one of
 * {@link MemoryProfile#PROFILES}. Provided by the memory module; thread-safe and cheap. A stored name that is no profile
 * reads as automatic, with a WARNING.
 */
public interface MemoryConfiguration {

    /** The profile that fits this machine's memory. */
    String AUTOMATIC = "";

    /** The stored choice: {@link #AUTOMATIC} or a profile's name. */
    String profile();

    /**
     * Saves the choice. It takes effect after a restart: buffer pools handed out and the heap size (the launcher's
     * -Xmx) were sized by the profile at start. Not on the event thread (it writes the settings).
     *
     * @throws IllegalArgumentException when the name is no profile (the message lists the known ones)
     * @throws org.tsperf.api.util.SettingsNotSavedException when the settings file cannot be written (e.g. a full
     *         disk): nothing changed, and the message names the file, the disk and what to do
     */
    void setProfile(String name);

    /** The start option ({@code -Dtsperf.memory.profile=...}) that decides instead, if any. */
    Optional<String> overriddenBy();
}
