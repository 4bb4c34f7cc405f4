package org.tsperf.timeline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void okFollowsTheChoicesAndTheMessageLineSaysWhatIsMissing() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "a secret of more than sixteen bytes");
        SwingUtilities.invokeAndWait(() -> {
            ExportPanel panel = new ExportPanel(new ExportChoices(dir.resolve("film.mp4").toString(),
                    ExportFormat.H264, false, "", "", "", ""));
            DialogDescriptor d = ExportAction.descriptor(panel);
            assertTrue(d.isValid(), "this machine, a file in a folder that exists: OK");
            JTextField members = find(panel, JTextField.class, "clusterMembers");
            assertFalse(members.isEnabled(), "the cluster's fields are off on this machine");

            find(panel, AbstractButton.class, "renderOnCluster").doClick();
            assertTrue(members.isEnabled());
            assertFalse(d.isValid());
            assertEquals("Name the cluster (the name its workers were started with).",
                    d.getNotificationLineSupport().getErrorMessage());
            find(panel, JTextField.class, "clusterName").setText("studio");
            assertEquals("Name at least one member of the cluster (HOST:PORT, e.g. 10.0.0.7:5701).",
                    d.getNotificationLineSupport().getErrorMessage());
            members.setText("127.0.0.1:5702");
            assertEquals("Choose the cluster's secret file (the same file every worker was started with).",
                    d.getNotificationLineSupport().getErrorMessage());
            find(panel, JTextField.class, "clusterSecretFile").setText(dir.resolve("nope").toString());
            assertTrue(d.getNotificationLineSupport().getErrorMessage().endsWith("does not exist."));
            assertFalse(d.isValid());
            find(panel, JTextField.class, "clusterSecretFile").setText(secret.toString());
            assertTrue(d.isValid(), d.getNotificationLineSupport().getErrorMessage());
            assertNull(d.getNotificationLineSupport().getErrorMessage());
            assertTrue(panel.choices().onCluster());

            find(panel, AbstractButton.class, "renderLocal").doClick();
            assertTrue(d.isValid());
            assertFalse(panel.choices().onCluster());
        });
    }
}
