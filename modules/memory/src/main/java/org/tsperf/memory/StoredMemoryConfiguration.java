package org.tsperf.memory;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.memory.MemoryConfiguration;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.util.ModulePreferences;
import org.tsperf.api.util.StoredSettings;

/**
 * {@link MemoryConfiguration} of the memory module: the chosen profile's name in this module's preferences (the user
 * directory's {@code config/Preferences/org/tsperf/memory.properties} in the workbench), blank for automatic.
 */
@ServiceProvider(service = MemoryConfiguration.class)
public final class StoredMemoryConfiguration implements MemoryConfiguration {

    static final String KEY = "profile";
    static final String PROPERTY = "tsperf.memory.profile";
    private static final Logger LOG = Logger.getLogger(StoredMemoryConfiguration.class.getName());

    private final Preferences node;

    public StoredMemoryConfiguration() {
        this(ModulePreferences.forModule(StoredMemoryConfiguration.class));
    }

    StoredMemoryConfiguration(Preferences node) {
        this.node = node;
    }

    @Override
    public String profile() {
        return StoredSettings.read(node, KEY, AUTOMATIC, v -> MemoryProfile.named(v).name());
    }

    @Override
    public void setProfile(String name) {
        String value = name == null || name.isBlank() ? AUTOMATIC : MemoryProfile.named(name.trim()).name();
        StoredSettings.save(node, Map.of(KEY, value)); // put, never remove: see DeviceChoice of the GPU module
        LOG.log(Level.INFO, "The memory profile \"{0}\" takes effect after a restart",
                value.isEmpty() ? "automatic" : value);
    }

    @Override
    public Optional<String> overriddenBy() {
        String v = System.getProperty(PROPERTY);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of("-D" + PROPERTY + "=" + v);
    }

    /**
     * The profile the memory manager starts with: the start option, else the stored choice, else this machine's.
     * A start option that names no profile is a mistake of the one who started it: it fails with the known names.
     */
    static MemoryProfile profileToUse(long physicalBytes) {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            return MemoryProfile.named(named.trim());
        }
        String stored = new StoredMemoryConfiguration().profile();
        return stored.isEmpty() ? MemoryProfile.forMachine(physicalBytes) : MemoryProfile.named(stored);
    }
}
