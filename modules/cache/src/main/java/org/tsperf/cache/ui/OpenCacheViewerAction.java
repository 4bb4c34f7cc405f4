package org.tsperf.cache.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.tsperf.ui.support.ModuleWindows;

/** Window &gt; Cache Viewer (opens this module's window, also after the module was installed again). */
@ActionID(category = "Window", id = "org.tsperf.cache.ui.CacheViewerTopComponent")
@ActionRegistration(displayName = "#CTL_CacheViewerAction")
@ActionReference(path = "Menu/Window", position = 200)
@Messages("CTL_CacheViewerAction=Cache Viewer")
public final class OpenCacheViewerAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ModuleWindows.open(CacheViewerTopComponent.ID, CacheViewerTopComponent.class, CacheViewerTopComponent::new);
    }
}
