package org.tsperf.proxy.ui;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JTextArea;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyState;

/** A source's details in the Proxy Manager: its text, and its proxy shown in the desktop's file manager. */
@Messages({
    "# {0} - the proxy's path",
    "MediaDetails_noFileManager=This desktop has no file manager Java can open. The proxy is:\n{0}"
})
final class MediaDetails {

    private static final Logger LOG = Logger.getLogger(MediaDetails.class.getName());

    private MediaDetails() {
    }

    /** Opens the folder of {@code file} in the file manager, selecting it where it can; off the event thread. */
    static void show(File file, RequestProcessor rp) {
        rp.post(() -> {
            try {
                Desktop d = Desktop.isDesktopSupported() ? Desktop.getDesktop() : null;
                if (d != null && d.isSupported(Desktop.Action.BROWSE_FILE_DIR)) {
                    d.browseFileDirectory(file);
                } else if (d != null && d.isSupported(Desktop.Action.OPEN)) {
                    d.open(file.getParentFile());
                } else {
                    showPath(file);
                }
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.INFO, "the desktop cannot show " + file, ex);
                showPath(file);
            }
        });
    }

    private static void showPath(File file) {
        JTextArea path = new JTextArea(Bundle.MediaDetails_noFileManager(file.getAbsolutePath()));
        path.setEditable(false);
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(path));
    }

    /** The details pane's text: the source, its description, each proxy's state and file, the plan's reasons. */
    static String details(ProxyMedia m) {
        StringBuilder b = new StringBuilder(m.source().toString()).append('\n').append(m.description()).append('\n');
        for (ProxyState p : m.proxies()) {
            b.append(p.resolution()).append(": ").append(p.summary());
            p.file().ifPresent(f -> b.append(", ").append(f.width()).append('x').append(f.height()).append(' ')
                    .append(f.codec()).append(", ").append(f.path()));
            if (!p.detail().isEmpty()) {
                b.append(" (").append(p.detail()).append(')');
            }
            b.append('\n');
        }
        m.reasons().forEach(r -> b.append("- ").append(r).append('\n'));
        return b.toString();
    }
}
