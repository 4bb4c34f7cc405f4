package org.tsperf.wizard.ui;

import java.awt.BorderLayout;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.event.ChangeListener;
import org.openide.WizardDescriptor;
import org.openide.util.ChangeSupport;
import org.openide.util.HelpCtx;

/** A step of the wizard: its component is built once, on the event thread; validity changes are announced. */
abstract class StepPanel implements WizardDescriptor.Panel<WizardDescriptor> {

    private final ChangeSupport changes = new ChangeSupport(this);
    private final String title;
    protected final WizardModel model;
    private JPanel component;

    StepPanel(String title, WizardModel model) {
        this.title = title;
        this.model = model;
    }

    /** Builds the step's content. Event thread. */
    protected abstract JComponent build();

    /** Called when the step shows. Event thread. */
    protected void shown() {
    }

    @Override
    public final JPanel getComponent() {
        if (component == null) {
            component = new JPanel(new BorderLayout(8, 8));
            component.setName(title);
            component.add(build(), BorderLayout.CENTER);
        }
        return component;
    }

    @Override
    public HelpCtx getHelp() {
        return HelpCtx.DEFAULT_HELP;
    }

    @Override
    public void readSettings(WizardDescriptor settings) {
        shown();
    }

    @Override
    public void storeSettings(WizardDescriptor settings) {
    }

    @Override
    public boolean isValid() {
        return true;
    }

    /** The descriptor asks {@link #isValid()} again. Any thread. */
    protected final void validityChanged() {
        SwingUtilities.invokeLater(changes::fireChange);
    }

    @Override
    public final void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    @Override
    public final void removeChangeListener(ChangeListener l) {
        changes.removeChangeListener(l);
    }
}
