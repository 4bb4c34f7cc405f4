package org.tsperf.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dialog;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.lookup.ServiceProvider;

/** A save that fails after the Options dialog closed is shown to the user, not only logged. */
class SettingsSavingTest {

    @Test
    void aFailedSaveIsShownAsAWarningWithItsReason() throws Exception {
        Recorder.shown.clear();
        String reason = "The settings could not be saved: the disk that holds /u/config/Preferences/org/tsperf/"
                + "cache.properties is full (/u (tmpfs), 0 bytes free). Free space on it and save again; the"
                + " settings stay as they were.";
        Thread caller = Thread.currentThread();
        Thread[] ranOn = new Thread[1];
        SettingsSaving.inBackground(r -> new Thread(r, "saver").start(), "The cache settings", () -> {
            ranOn[0] = Thread.currentThread();
            throw new IllegalStateException(reason);
        });
        NotifyDescriptor d = Recorder.shown.poll(30, TimeUnit.SECONDS);
        assertTrue(d != null, "no dialog within 30 s");
        assertEquals("The cache settings were not saved. " + reason, d.getMessage());
        assertEquals(NotifyDescriptor.WARNING_MESSAGE, d.getMessageType());
        assertTrue(ranOn[0] != caller, "saved off the calling (event) thread");
    }

    @Test
    void aSaveThatWorksShowsNothing() throws Exception {
        Recorder.shown.clear();
        BlockingQueue<String> done = new LinkedBlockingQueue<>();
        SettingsSaving.inBackground(r -> new Thread(r, "saver").start(), "The cache settings", () -> done.add("ok"));
        assertEquals("ok", done.poll(30, TimeUnit.SECONDS));
        assertEquals(null, Recorder.shown.poll(), "nothing to tell");
    }

    /** The platform's dialogs need a workbench; this one keeps what it is asked to show. */
    @ServiceProvider(service = DialogDisplayer.class)
    public static final class Recorder extends DialogDisplayer {

        static final BlockingQueue<NotifyDescriptor> shown = new LinkedBlockingQueue<>();

        @Override
        public Object notify(NotifyDescriptor descriptor) {
            shown.add(descriptor);
            return NotifyDescriptor.OK_OPTION;
        }

        @Override
        public void notifyLater(NotifyDescriptor descriptor) {
            shown.add(descriptor);
        }

        @Override
        public Dialog createDialog(DialogDescriptor descriptor) {
            throw new UnsupportedOperationException("no dialogs in this test");
        }
    }
}
