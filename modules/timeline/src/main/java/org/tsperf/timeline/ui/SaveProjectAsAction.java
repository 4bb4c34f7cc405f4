package org.tsperf.timeline.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;

/** File &gt; Save Project As... (see {@link ProjectFiles}). */
@ActionID(category = "File", id = "org.tsperf.timeline.ui.SaveProjectAsAction")
@ActionRegistration(displayName = "#CTL_SaveProjectAsAction")
@ActionReference(path = "Menu/File", position = 115)
@Messages("CTL_SaveProjectAsAction=Save Project As...")
public final class SaveProjectAsAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        ProjectFiles.save(true);
    }
}
