package org.tsperf.timeline.ui;

import java.util.prefs.Preferences;
import org.openide.util.NbPreferences;
import org.tsperf.api.timeline.ExportFormat;

/**
 * The export dialog's last choices, in the module's preferences (the user directory): the folder, the format,
 * whether to render on the cluster, and the cluster's name, members, address and secret file's path. Never the secret.
 */
final class ExportPreferences {

    private static final String FOLDER = "export.folder";
    private static final String FORMAT = "export.format";
    private static final String ON_CLUSTER = "export.onCluster";
    private static final String CLUSTER = "export.cluster.name";
    private static final String MEMBERS = "export.cluster.members";
    private static final String SECRET_FILE = "export.cluster.secretFile";
    private static final String BIND = "export.cluster.bind";

    private final Preferences prefs;

    ExportPreferences(Preferences prefs) {
        this.prefs = prefs;
    }

    static ExportPreferences forModule() {
        return new ExportPreferences(NbPreferences.forModule(ExportPreferences.class));
    }

    /** The last choices with {@code output} as the file; on this machine the first time. */
    ExportChoices load(String output) {
        ExportFormat format;
        try {
            format = ExportFormat.fromCliName(prefs.get(FORMAT, ExportFormat.H264.cliName()));
        } catch (IllegalArgumentException ex) {
            format = ExportFormat.H264; // a hand-edited value: the default
        }
        return new ExportChoices(output, format, prefs.getBoolean(ON_CLUSTER, false), prefs.get(CLUSTER, ""),
                prefs.get(MEMBERS, ""), prefs.get(SECRET_FILE, ""), prefs.get(BIND, ""));
    }

    String folder(String orElse) {
        return prefs.get(FOLDER, orElse);
    }

    void save(ExportChoices c) {
        if (c.outputPath().getParent() != null) {
            prefs.put(FOLDER, c.outputPath().getParent().toString());
        }
        prefs.put(FORMAT, c.format().cliName());
        prefs.putBoolean(ON_CLUSTER, c.onCluster());
        prefs.put(CLUSTER, c.cluster().trim());
        prefs.put(MEMBERS, String.join(", ", c.memberList()));
        prefs.put(SECRET_FILE, c.secretFile().trim());
        prefs.put(BIND, c.bind().trim());
    }
}
