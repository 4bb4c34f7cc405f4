package org.tsperf.wizard.ui;

import java.awt.BorderLayout;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.optimize.SystemDescription;

/** Step 1: the machine, measured on the wizard's thread when the step first shows; Cancel stops it, Measure again. */
@Messages({
    "LBL_Hardware=Hardware",
    "BTN_CancelMeasure=Cancel",
    "BTN_Measure=Measure Again",
    "# {0} - the step in words",
    "MSG_Measuring=Measuring {0}...",
    "MSG_MeasureCancelled=Measuring cancelled. Measure again to go on.",
    "# {0} - why",
    "MSG_MeasureFailed=Measuring failed: {0}"
})
final class HardwarePanel extends StepPanel {

    private static final Logger LOG = Logger.getLogger(HardwarePanel.class.getName());

    private final JTextArea text = new JTextArea(12, 60);
    private final JProgressBar progress = new JProgressBar();
    private final JButton cancel = new JButton(Bundle.BTN_CancelMeasure());
    private final JButton again = new JButton(Bundle.BTN_Measure());
    private CompletableFuture<SystemDescription> running;

    HardwarePanel(WizardModel model) {
        super(Bundle.LBL_Hardware(), model);
    }

    @Override
    protected JComponent build() {
        text.setEditable(false);
        text.setName("hardwareText");
        progress.setName("measureProgress");
        cancel.setName("cancelMeasure");
        again.setName("measureAgain");
        cancel.addActionListener(e -> model.cancelMeasure());
        again.addActionListener(e -> start());
        JPanel buttons = new JPanel();
        buttons.add(progress);
        buttons.add(cancel);
        buttons.add(again);
        JPanel p = new JPanel(new BorderLayout(4, 4));
        p.add(new JScrollPane(text), BorderLayout.CENTER);
        p.add(buttons, BorderLayout.SOUTH);
        return p;
    }

    @Override
    protected void shown() {
        if (running == null && model.system() == null) {
            start();
        }
    }

    @Override
    public boolean isValid() {
        return model.system() != null && (running == null || running.isDone());
    }

    private void start() {
        progress.setIndeterminate(true);
        cancel.setEnabled(true);
        again.setEnabled(false);
        text.setText("");
        running = model.measure(step -> SwingUtilities.invokeLater(() -> text.append(Bundle.MSG_Measuring(step)
                + "\n")));
        validityChanged();
        running.whenComplete((system, error) -> SwingUtilities.invokeLater(() -> done(system, error)));
    }

    private void done(SystemDescription system, Throwable error) {
        progress.setIndeterminate(false);
        progress.setValue(error == null ? progress.getMaximum() : 0);
        cancel.setEnabled(false);
        again.setEnabled(true);
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            text.append(Bundle.MSG_MeasureCancelled() + "\n");
        } else if (cause != null) {
            LOG.log(Level.WARNING, "measuring the machine failed", cause);
            text.append(Bundle.MSG_MeasureFailed(cause.getMessage()) + "\n");
        } else {
            text.setText(Describe.hardware(system.hardware()));
        }
        validityChanged();
    }
}
