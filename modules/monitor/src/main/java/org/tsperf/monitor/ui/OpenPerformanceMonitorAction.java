package org.tsperf.monitor.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.tsperf.ui.support.ModuleWindows;

/** Window &gt; Performance Monitor (opens this module's window, also after the module was installed again). */
@ActionID(category = "Window", id = "org.tsperf.monitor.ui.PerformanceMonitorTopComponent")
@ActionRegistration(displayName = "#CTL_PerformanceMonitorAction")
@ActionReference(path = "Menu/Window", position = 100)
@Messages("CTL_PerformanceMonitorAction=Performance Monitor")
public final class OpenPerformanceMonitorAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ModuleWindows.open(PerformanceMonitorTopComponent.ID, PerformanceMonitorTopComponent.class, PerformanceMonitorTopComponent::new);
    }
}
