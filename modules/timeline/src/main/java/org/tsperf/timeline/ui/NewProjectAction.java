package org.tsperf.timeline.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** File &gt; New Project (see {@link ProjectFiles}). */
@ActionID(category = "File", id = "org.tsperf.timeline.ui.NewProjectAction")
@ActionRegistration(displayName = "#CTL_NewProjectAction")
@ActionReference(path = "Menu/File", position = 90)
@Messages("CTL_NewProjectAction=New Project")
public final class NewProjectAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ProjectFiles.newProject();
    }
}
