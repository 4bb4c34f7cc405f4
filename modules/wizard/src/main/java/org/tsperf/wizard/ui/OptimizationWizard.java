package org.tsperf.wizard.ui;

import java.awt.Dialog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.openide.DialogDisplayer;
import org.openide.WizardDescriptor;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.optimize.OptimizationService;

/**
 * The Optimization Wizard: hardware measured, workload, quick benchmark, recommendations the user can change, apply
 * with a summary and Undo. Opened by Tools &gt; Optimization Wizard and by the monitor's Optimize Now.
 */
@Messages({
    "LBL_WizardTitle=Optimization Wizard",
    "MSG_NoService=The Optimization Wizard's engine is not installed",
    "MSG_Closed=Optimization Wizard closed; nothing applied"
})
public final class OptimizationWizard {

    private OptimizationWizard() {
    }

    /**
     * Opens the wizard on the event thread (later, when called from elsewhere) and returns at once.
     *
     * @return completes when the wizard closes, with what was applied (or that nothing was)
     */
    public static CompletableFuture<String> open() {
        CompletableFuture<String> result = new CompletableFuture<>();
        OptimizationService service = Lookup.getDefault().lookup(OptimizationService.class);
        if (service == null) {
            result.complete(Bundle.MSG_NoService());
            return result;
        }
        SwingUtilities.invokeLater(() -> show(service, result));
        return result;
    }

    private static void show(OptimizationService service, CompletableFuture<String> result) {
        WizardModel model = new WizardModel(service);
        ApplyPanel apply = new ApplyPanel(model);
        List<StepPanel> panels = List.of(new HardwarePanel(model), new WorkloadPanel(model),
                new BenchmarkPanel(model), new RecommendationsPanel(model), apply);
        String[] steps = panels.stream().map(p -> p.getComponent().getName()).toArray(String[]::new);
        for (int i = 0; i < panels.size(); i++) {
            JComponent c = panels.get(i).getComponent();
            c.putClientProperty(WizardDescriptor.PROP_CONTENT_SELECTED_INDEX, i);
            c.putClientProperty(WizardDescriptor.PROP_CONTENT_DATA, steps);
            c.putClientProperty(WizardDescriptor.PROP_AUTO_WIZARD_STYLE, true);
            c.putClientProperty(WizardDescriptor.PROP_CONTENT_DISPLAYED, true);
            c.putClientProperty(WizardDescriptor.PROP_CONTENT_NUMBERED, true);
        }
        @SuppressWarnings("unchecked")
        WizardDescriptor.Panel<WizardDescriptor>[] array = panels.toArray(WizardDescriptor.Panel[]::new);
        WizardDescriptor wizard = new WizardDescriptor(new WizardDescriptor.ArrayIterator<>(array));
        wizard.setTitleFormat(new java.text.MessageFormat("{0}"));
        wizard.setTitle(Bundle.LBL_WizardTitle());
        Dialog dialog = DialogDisplayer.getDefault().createDialog(wizard);
        dialog.setName("optimizationWizard");
        try {
            dialog.setVisible(true);
        } finally {
            model.close();
            dialog.dispose();
            String summary = apply.outcome();
            result.complete(summary.isEmpty() ? Bundle.MSG_Closed() : summary);
        }
    }
}
