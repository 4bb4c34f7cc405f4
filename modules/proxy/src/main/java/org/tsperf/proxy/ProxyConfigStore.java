package org.tsperf.proxy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.tsperf.api.proxy.CleanupPolicy;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.util.ModulePreferences;
import org.tsperf.api.util.SettingsNotSavedException;
import org.tsperf.api.util.StoredSettings;
import org.tsperf.api.util.Workbench;

/**
 * Keeps the proxy configuration in the module's preferences ({@link ModulePreferences}: {@code
 * <userdir>/config/Preferences} in the workbench; memory only in a plain JVM, since the command line takes its
 * settings from flags and must not change what the workbench uses).
 */
final class ProxyConfigStore {

    private static final Logger LOG = Logger.getLogger(ProxyConfigStore.class.getName());

    private ProxyConfigStore() {
    }

    static ProxyConfig load(Path defaultStore) {
        ProxyConfig defaults = ProxyConfig.defaults(defaultStore);
        Preferences p = preferences();
        try {
            ProxySettings d = defaults.settings();
            String res = p.get("resolutions", null);
            ProxySettings settings = new ProxySettings(res == null ? d.resolutions() : ProxyParams.resolutions(res),
                    ProxyFormat.parse(p.get("format", d.format().id())),
                    ProxyQuality.parse(p.get("quality", d.quality().id())),
                    Path.of(p.get("storageLocation", d.store().toString())));
            return new ProxyConfig(settings, p.getBoolean("generateAsync", defaults.generateAsync()),
                    p.getBoolean("parallelGeneration", defaults.parallelGeneration()),
                    p.getInt("maxConcurrentJobs", defaults.maxConcurrentJobs()),
                    p.getLong("maxCacheSize", defaults.maxCacheSizeBytes()),
                    CleanupPolicy.valueOf(p.get("cleanupPolicy", defaults.cleanupPolicy().name())),
                    p.getBoolean("useProxies", defaults.useProxies()));
        } catch (RuntimeException ex) {
            // a hand-edited or older preferences file must not stop the module: say so and use the defaults
            LOG.log(Level.WARNING, "The saved proxy settings cannot be read (" + ex.getMessage()
                    + "); using the defaults. Set them again in Tools > Options > Performance > Proxies.", ex);
            return defaults;
        }
    }

    /**
     * Saves the configuration.
     *
     * @throws SettingsNotSavedException when the settings file cannot be written (a full disk): nothing changed
     */
    static void save(ProxyConfig c) {
        ProxySettings s = c.settings();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("resolutions", ProxyParams.encode(s.resolutions()));
        v.put("format", s.format().id());
        v.put("quality", s.quality().id());
        v.put("storageLocation", s.store().toString());
        v.put("generateAsync", Boolean.toString(c.generateAsync()));
        v.put("parallelGeneration", Boolean.toString(c.parallelGeneration()));
        v.put("maxConcurrentJobs", Integer.toString(c.maxConcurrentJobs()));
        v.put("maxCacheSize", Long.toString(c.maxCacheSizeBytes()));
        v.put("cleanupPolicy", c.cleanupPolicy().name());
        v.put("useProxies", Boolean.toString(c.useProxies()));
        StoredSettings.save(preferences(), v);
    }

    private static Preferences preferences() {
        return ModulePreferences.forModule(ProxyConfigStore.class);
    }

    /** For tests: back to the defaults in a plain JVM. */
    static void resetMemory() {
        if (!Workbench.isRunning()) {
            try {
                preferences().clear();
            } catch (BackingStoreException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
