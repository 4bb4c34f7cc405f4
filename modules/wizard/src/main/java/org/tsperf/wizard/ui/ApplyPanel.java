package org.tsperf.wizard.ui;

import java.awt.BorderLayout;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.optimize.Change;

/** Step 5: Apply through the modules' services, a summary of what changed, and Undo. */
@Messages({
    "LBL_Apply=Apply",
    "BTN_Apply=Apply",
    "BTN_Undo=Undo",
    "MSG_ApplyIntro=Apply sets the recommendations through each module's service; Undo sets back what was there.",
    "MSG_Applying=Applying...",
    "MSG_Undoing=Undoing...",
    "MSG_Undone=Undone:",
    "# {0} - why",
    "MSG_ApplyFailed=Failed: {0}",
    "# {0} - how many settings changed",
    "# {1} - their names",
    "MSG_Outcome=applied; {0} settings changed ({1})",
    "MSG_OutcomeUndone=applied, then undone"
})
final class ApplyPanel extends StepPanel {

    private static final Logger LOG = Logger.getLogger(ApplyPanel.class.getName());

    private final JTextArea summary = new JTextArea(Bundle.MSG_ApplyIntro(), 14, 60);
    private final JButton apply = new JButton(Bundle.BTN_Apply());
    private final JButton undo = new JButton(Bundle.BTN_Undo());
    private volatile String lastSummary = "";
    private volatile String outcome = "";
    private volatile boolean busy;

    ApplyPanel(WizardModel model) {
        super(Bundle.LBL_Apply(), model);
    }

    @Override
    protected JComponent build() {
        summary.setEditable(false);
        summary.setName("applySummary");
        apply.setName("applyButton");
        undo.setName("undoButton");
        undo.setEnabled(false);
        apply.addActionListener(e -> run(Bundle.MSG_Applying(), model.apply(), "", true));
        undo.addActionListener(e -> run(Bundle.MSG_Undoing(), model.undo(), Bundle.MSG_Undone() + "\n", false));
        JPanel buttons = new JPanel();
        buttons.add(apply);
        buttons.add(undo);
        JPanel p = new JPanel(new BorderLayout(4, 4));
        p.add(new JScrollPane(summary), BorderLayout.CENTER);
        p.add(buttons, BorderLayout.SOUTH);
        return p;
    }

    @Override
    public boolean isValid() {
        return !busy;
    }

    /** What the last Apply or Undo did, one line for the status bar; empty when nothing was applied. */
    String outcome() {
        return outcome;
    }

    private void run(String working, CompletableFuture<List<Change>> job, String heading, boolean applying) {
        busy = true;
        apply.setEnabled(false);
        undo.setEnabled(false);
        summary.setText(working);
        validityChanged();
        job.whenComplete((changes, error) -> SwingUtilities.invokeLater(() -> {
            busy = false;
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.log(Level.WARNING, "applying the recommendations failed", cause);
                summary.setText(Bundle.MSG_ApplyFailed(cause.getMessage()));
                apply.setEnabled(true);
            } else {
                lastSummary = heading + Describe.changes(changes);
                List<String> keys = changes.stream().filter(c -> c.changed()).map(c -> c.setting().key()).toList();
                outcome = applying ? Bundle.MSG_Outcome(keys.size(), String.join(", ", keys))
                        : Bundle.MSG_OutcomeUndone();
                summary.setText(lastSummary);
                apply.setEnabled(!applying);
                undo.setEnabled(applying);
            }
            validityChanged();
        }));
    }
}
