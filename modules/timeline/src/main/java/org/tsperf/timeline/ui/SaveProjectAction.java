package org.tsperf.timeline.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** File &gt; Save Project (see {@link ProjectFiles}). */
@ActionID(category = "File", id = "org.tsperf.timeline.ui.SaveProjectAction")
@ActionRegistration(displayName = "#CTL_SaveProjectAction")
@ActionReference(path = "Menu/File", position = 110)
@Messages("CTL_SaveProjectAction=Save Project")
public final class SaveProjectAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ProjectFiles.save(false);
    }
}
