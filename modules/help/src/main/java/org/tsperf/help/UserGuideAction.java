package org.tsperf.help;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.HelpCtx;
import org.openide.util.NbBundle.Messages;

/** Help &gt; User Guide: the guide at its first page. */
@ActionID(category = "Help", id = "org.tsperf.help.UserGuideAction")
@ActionRegistration(displayName = "#CTL_UserGuideAction")
@ActionReference(path = "Menu/Help", position = 100)
@Messages("CTL_UserGuideAction=User Guide")
public final class UserGuideAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        new HelpCtx(Guide.HOME).display();
    }
}
