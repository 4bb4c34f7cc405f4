package org.tsperf.api.util;

import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Reads one stored setting so that a corrupt or hand-edited value never stops a start: a value that does not parse
 * or is out of range gives the default, and a WARNING names the setting, the value found and why it is not used.
 * May be called from any thread.
 */
public final class StoredSettings {

    private static final Logger LOG = Logger.getLogger(StoredSettings.class.getName());

    private StoredSettings() {
    }

    /**
     * The value stored under {@code key}, parsed; {@code fallback} when nothing (or a blank) is stored.
     *
     * @param parse turns the stored text into the value; throws {@link IllegalArgumentException} (a
     *              {@link NumberFormatException} is one) when the text is not usable
     */
    public static <T> T read(Preferences node, String key, T fallback, Function<String, T> parse) {
        String raw = node.get(key, null);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(raw.trim());
        } catch (IllegalArgumentException ex) {
            LOG.log(Level.WARNING, "The stored setting {0} ({1}) is not usable: \"{2}\" ({3}); using the default {4}",
                    new Object[] {key, node.absolutePath(), raw, ex.getMessage(), fallback});
            return fallback;
        }
    }

    /**
     * Writes the node's changes to its store now (in the workbench the user directory's settings file), so that a
     * crash right after OK keeps them. A failure is logged as a WARNING: the values stay set for this run.
     */
    public static void flush(Preferences node) {
        try {
            node.flush();
        } catch (BackingStoreException ex) {
            LOG.log(Level.WARNING, "The settings " + node.absolutePath() + " could not be written; they last until exit",
                    ex);
        }
    }
}
