package org.tsperf.wizard.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.awt.StatusDisplayer;
import org.openide.util.NbBundle.Messages;

/** Tools &gt; Optimization Wizard. */
@ActionID(category = "Tools", id = OptimizeWizardAction.ID)
@ActionRegistration(displayName = "#CTL_OptimizeWizardAction")
@ActionReference(path = "Menu/Tools", position = 1370)
@Messages("CTL_OptimizeWizardAction=Optimization Wizard...")
public final class OptimizeWizardAction implements ActionListener {

    /** The action's id, for callers that open the wizard by it. */
    public static final String ID = "org.tsperf.wizard.ui.OptimizeWizardAction";

    @Override
    public void actionPerformed(ActionEvent e) {
        OptimizationWizard.open().thenAccept(s -> StatusDisplayer.getDefault().setStatusText(s.lines().findFirst()
                .orElse(s)));
    }
}
