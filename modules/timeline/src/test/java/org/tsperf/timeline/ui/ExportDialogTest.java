package org.tsperf.timeline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.swing.AbstractButton;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.DialogDescriptor;
import org.tsperf.api.timeline.ExportFormat;

/** The export dialog's form on the event thread (under Xvfb in the build): OK and the message line follow it. */
class ExportDialogTest {

    @TempDir
    Path dir;

    private static <T extends Component> T find(Container root, Class<T> type, String name) {
        T found = search(root, type, name);
        if (found == null) {
            throw new AssertionError("no " + name);
        }
        return found;
    }

    private static <T extends Component> T search(Container root, Class<T> type, String name) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && name.equals(c.getName())) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T found = search(inner, type, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Runs on the event thread and waits for it. */
    private static void onEdt(Runnable r) throws Exception {
        SwingUtilities.invokeAndWait(r);
    }

    /** Waits, off the event thread, until the condition holds there; fails with the message line after 30 s. */
    private static void await(DialogDescriptor d, BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean[] holds = new boolean[1];
        while (true) {
            onEdt(() -> holds[0] = condition.getAsBoolean());
            if (holds[0]) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String[] message = new String[1];
                onEdt(() -> message[0] = d.getNotificationLineSupport().getErrorMessage());
                throw new AssertionError(what + " (valid " + d.isValid() + ", message: " + message[0] + ")");
            }
            Thread.sleep(20);
        }
    }

    private static String message(DialogDescriptor d) {
        return d.getNotificationLineSupport().getErrorMessage();
    }

    @Test
    void okFollowsTheChoicesAndTheMessageLineSaysWhatIsMissing() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "a secret of more than sixteen bytes");
        ExportPanel[] panel = new ExportPanel[1];
        DialogDescriptor[] dialog = new DialogDescriptor[1];
        onEdt(() -> {
            panel[0] = new ExportPanel(new ExportChoices(dir.resolve("film.mp4").toString(),
                    ExportFormat.H264, false, "", "", "", ""));
            dialog[0] = ExportAction.descriptor(panel[0]);
        });
        ExportPanel p = panel[0];
        DialogDescriptor d = dialog[0];
        await(d, d::isValid, "this machine, a file in a folder that exists: OK");
        onEdt(() -> {
            JTextField members = find(p, JTextField.class, "clusterMembers");
            assertFalse(members.isEnabled(), "the cluster's fields are off on this machine");
            find(p, AbstractButton.class, "renderOnCluster").doClick();
            assertTrue(members.isEnabled());
            assertFalse(d.isValid());
            assertEquals("Name the cluster (the name its workers were started with).", message(d));
            find(p, JTextField.class, "clusterName").setText("studio");
            assertEquals("Name at least one member of the cluster (HOST:PORT, e.g. 10.0.0.7:5701).", message(d));
            members.setText("127.0.0.1:5702");
            assertEquals("Choose the cluster's secret file (the same file every worker was started with).",
                    message(d));
            find(p, JTextField.class, "clusterSecretFile").setText(dir.resolve("nope").toString());
            assertFalse(d.isValid(), "OK waits for the file check");
        });
        await(d, () -> message(d) != null && message(d).endsWith("does not exist."), "a missing secret file named");
        onEdt(() -> {
            assertFalse(d.isValid());
            find(p, JTextField.class, "clusterSecretFile").setText(secret.toString());
        });
        await(d, d::isValid, "a secret file of 35 bytes: OK");
        onEdt(() -> {
            assertNull(message(d));
            assertTrue(p.choices().onCluster());
            find(p, AbstractButton.class, "renderLocal").doClick();
        });
        await(d, d::isValid, "back to this machine: OK");
        onEdt(() -> assertFalse(p.choices().onCluster()));
    }

    @Test
    void aFileCheckThatHangsLeavesOkDisabledAndTheEventThreadFree() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "a secret of more than sixteen bytes");
        List<Runnable> held = new CopyOnWriteArrayList<>();
        ExportPanel[] panel = new ExportPanel[1];
        DialogDescriptor[] dialog = new DialogDescriptor[1];
        onEdt(() -> {
            panel[0] = new ExportPanel(new ExportChoices(dir.resolve("film.mp4").toString(),
                    ExportFormat.H264, true, "studio", "127.0.0.1:5702", dir.resolve("nope").toString(), ""));
            dialog[0] = ExportAction.descriptor(panel[0], held::add);
        });
        DialogDescriptor d = dialog[0];
        onEdt(() -> {
            assertFalse(d.isValid(), "not valid before the files are checked");
            find(panel[0], JTextField.class, "clusterSecretFile").setText(secret.toString());
            assertFalse(d.isValid(), "still not valid: the check is held");
        });
        assertEquals(2, held.size(), "each change asked for a file check, none ran on the event thread");
        held.get(1).run(); // the latest choices: a good secret file
        await(d, d::isValid, "the latest check's answer enables OK");
        held.get(0).run(); // an answer for older choices (a missing file) comes late
        onEdt(() -> {
            assertTrue(d.isValid(), "an answer for older choices is ignored");
            assertNull(message(d));
        });
    }
}
