package org.tsperf.proxy.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** Window &gt; Proxy Manager (opens this module's window, also after the module was installed again). */
@ActionID(category = "Window", id = "org.tsperf.proxy.ui.ProxyManagerTopComponent")
@ActionRegistration(displayName = "#CTL_ProxyManagerAction")
@ActionReference(path = "Menu/Window", position = 150)
@Messages("CTL_ProxyManagerAction=Proxy Manager")
public final class OpenProxyManagerAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ProxyManagerTopComponent.openOne();
    }
}
