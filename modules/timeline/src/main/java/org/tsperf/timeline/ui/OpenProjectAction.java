package org.tsperf.timeline.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** File &gt; Open Project... (see {@link ProjectFiles}). */
@ActionID(category = "File", id = "org.tsperf.timeline.ui.OpenProjectAction")
@ActionRegistration(displayName = "#CTL_OpenProjectAction")
@ActionReference(path = "Menu/File", position = 95)
@Messages("CTL_OpenProjectAction=Open Project...")
public final class OpenProjectAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ProjectFiles.open();
    }
}
