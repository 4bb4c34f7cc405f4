package org.tsperf.proxy.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/**
 * File &gt; Add Media to Proxy Manager... (Ctrl+I, as "Import" in other editors): the Proxy Manager's "Add Files"
 * from anywhere; opens the window and its file dialog.
 */
@ActionID(category = "File", id = "org.tsperf.proxy.ui.AddMediaAction")
@ActionRegistration(displayName = "#CTL_AddMediaAction", iconBase = "org/tsperf/proxy/ui/proxies.png")
@ActionReferences({
    @ActionReference(path = "Menu/File", position = 150),
    @ActionReference(path = "Shortcuts", name = "D-I")
})
@Messages("CTL_AddMediaAction=Add Media to Proxy Manager...")
public final class AddMediaAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ProxyManagerTopComponent.openOne().addFiles();
    }
}
