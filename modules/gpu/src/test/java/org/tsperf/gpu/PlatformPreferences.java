package org.tsperf.gpu;

import java.util.prefs.Preferences;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;

/**
 * The workbench's preferences in unit tests: the platform's file-backed implementation on the config filesystem,
 * instead of the JDK's, so that tests see its flushing and its reloading on file events.
 */
@ServiceProvider(service = NbPreferences.Provider.class)
public final class PlatformPreferences implements NbPreferences.Provider {

    @Override
    public Preferences preferencesForModule(Class cls) {
        return preferencesRoot().node(cls.getName().replaceFirst("\\.[^.]+$", "").replace('.', '/'));
    }

    @Override
    public Preferences preferencesRoot() {
        return org.netbeans.core.startup.preferences.NbPreferences.userRootImpl();
    }
}
