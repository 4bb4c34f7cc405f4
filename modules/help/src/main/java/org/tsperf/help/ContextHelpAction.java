package org.tsperf.help;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.HelpCtx;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;

/**
 * F1: the guide's page of the window in use (its {@code getHelpCtx()}, or that of the focused component inside it);
 * the first page when the window names none.
 */
@ActionID(category = "Help", id = "org.tsperf.help.ContextHelpAction")
@ActionRegistration(displayName = "#CTL_ContextHelpAction")
@ActionReference(path = "Shortcuts", name = "F1")
@Messages("CTL_ContextHelpAction=Help on This Window")
public final class ContextHelpAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        context().display();
    }

    /** Event thread. */
    static HelpCtx context() {
        Component focused = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        HelpCtx help = focused == null ? null : HelpCtx.findHelp(focused);
        if (named(help)) {
            return help;
        }
        TopComponent active = TopComponent.getRegistry().getActivated();
        help = active == null ? null : active.getHelpCtx();
        return named(help) ? help : new HelpCtx(Guide.HOME);
    }

    private static boolean named(HelpCtx help) {
        return help != null && help.getHelpID() != null && !HelpCtx.DEFAULT_HELP.equals(help);
    }
}
