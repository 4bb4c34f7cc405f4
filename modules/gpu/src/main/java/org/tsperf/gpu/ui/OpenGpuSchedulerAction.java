package org.tsperf.gpu.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** Window &gt; GPU Scheduler (opens this module's window, also after the module was installed again). */
@ActionID(category = "Window", id = "org.tsperf.gpu.ui.GpuSchedulerTopComponent")
@ActionRegistration(displayName = "#CTL_GpuSchedulerAction")
@ActionReference(path = "Menu/Window", position = 300)
@Messages("CTL_GpuSchedulerAction=GPU Scheduler")
public final class OpenGpuSchedulerAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        GpuSchedulerTopComponent.openOne();
    }
}
