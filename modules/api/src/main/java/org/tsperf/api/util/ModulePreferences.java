package org.tsperf.api.util;

import java.util.prefs.Preferences;
import org.openide.util.NbPreferences;

/**
 * A module's settings: its {@link NbPreferences} (saved under {@code <userdir>/config/Preferences}) in the
 * workbench; in a plain JVM (the command line, unit tests) a node kept in memory for the JVM's lifetime, so that
 * headless runs never change what the workbench uses. May be called from any thread.
 */
public final class ModulePreferences {

    /** The plain JVM's settings, one node per module package, as NbPreferences has them in the workbench. */
    private static final Preferences MEMORY = new MemoryPreferences(null, "");

    private ModulePreferences() {
    }

    /** The settings of the module that holds {@code c} (one node per package, as {@link NbPreferences}). */
    public static Preferences forModule(Class<?> c) {
        if (Workbench.isRunning()) {
            return NbPreferences.forModule(c);
        }
        return MEMORY.node(c.getPackageName().replace('.', '/'));
    }
}
