package org.tsperf.ui.support;

import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;

/**
 * Saves an Options tab's settings off the event thread after OK, and tells the user when they could not be saved (a
 * full disk: the settings services' message names the file, the disk and what to do), since the dialog is closed by
 * then and a log line alone would lose the change silently. May be called from any thread.
 */
public final class SettingsSaving {

    private static final Logger LOG = Logger.getLogger(SettingsSaving.class.getName());

    private SettingsSaving() {
    }

    /**
     * Runs {@code save} on {@code background}; a failure is logged and shown in a warning dialog.
     *
     * @param what what is saved, as the dialog names it ("The cache settings")
     */
    public static void inBackground(Executor background, String what, Runnable save) {
        background.execute(() -> {
            try {
                save.run();
            } catch (RuntimeException ex) {
                report(what, ex);
            }
        });
    }

    /** Logs a failure to save settings and shows it in a warning dialog (later, on the event thread). */
    public static void report(String what, RuntimeException ex) {
        LOG.log(Level.WARNING, what + " could not be saved", ex);
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(what + " were not saved. "
                + ex.getMessage(), NotifyDescriptor.WARNING_MESSAGE));
    }
}
