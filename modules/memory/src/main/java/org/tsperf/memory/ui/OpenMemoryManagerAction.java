package org.tsperf.memory.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.tsperf.ui.support.ModuleWindows;

/** Window &gt; Memory Manager (opens this module's window, also after the module was installed again). */
@ActionID(category = "Window", id = "org.tsperf.memory.ui.MemoryManagerTopComponent")
@ActionRegistration(displayName = "#CTL_MemoryManagerAction")
@ActionReference(path = "Menu/Window", position = 210)
@Messages("CTL_MemoryManagerAction=Memory Manager")
public final class OpenMemoryManagerAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ModuleWindows.open(MemoryManagerTopComponent.ID, MemoryManagerTopComponent.class, MemoryManagerTopComponent::new);
    }
}
