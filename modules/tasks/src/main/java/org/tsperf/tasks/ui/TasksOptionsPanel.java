package org.tsperf.tasks.ui;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.tasks.TaskConfig;
import org.tsperf.api.tasks.TaskConfiguration;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.ui.support.OptionsForm;
import org.tsperf.ui.support.OptionsTab;
import org.tsperf.ui.support.OptionsTabController;
import org.tsperf.ui.support.SettingsSaving;

/**
 * Workers per queue, the longest deferral and the stall timeout. The proxy queue's workers are the Proxies tab's
 * "several sources at once" (the proxy module sets them): shown here, not edited twice.
 */
@Messages({
    "# {0} - queue name",
    "TasksOptions_workers={0}: tasks at once",
    "TasksOptions_proxyWorkers=Proxies: set in the Proxies tab (make proxies of several sources at once)",
    "TasksOptions_deferral=Longest deferral:",
    "TasksOptions_deferralHint=seconds; a task held back for a busy machine then starts when its queue is idle",
    "TasksOptions_stall=Stall timeout:",
    "TasksOptions_stallHint=seconds without progress before the watchdog fails a task",
    "TasksOptions_when=Workers apply at once; the longest deferral and the stall timeout take effect after a restart.",
    "# {0} - what is wrong",
    "TasksOptions_notValid=Not valid: {0}",
    "TasksOptions_none=The task module's settings service is not available."
})
final class TasksOptionsPanel implements OptionsTab {

    private static final RequestProcessor RP = new RequestProcessor("tsperf-tasks-options", 1);
    private final OptionsForm form = new OptionsForm("tasksOptions");
    private final Map<TaskType, JSpinner> workers = new EnumMap<>(TaskType.class);
    // the model allows more than valid, so that the message line says what is wrong instead of the field refusing it
    private final JSpinner deferral = new JSpinner(new SpinnerNumberModel(60, 0, 1_000_000, 10));
    private final JSpinner stall = new JSpinner(new SpinnerNumberModel(120, 0, 1_000_000, 10));
    private TaskConfig loaded;

    TasksOptionsPanel(OptionsTabController controller) {
        form.row("", new JLabel(Bundle.TasksOptions_proxyWorkers()));
        for (TaskType t : TaskType.values()) {
            if (t == TaskType.PROXY) {
                continue;
            }
            JSpinner s = new JSpinner(new SpinnerNumberModel(1, 0, 1000, 1));
            s.setName("workers." + t.name());
            s.addChangeListener(e -> controller.changed());
            workers.put(t, s);
            form.row(Bundle.TasksOptions_workers(t.displayName()), OptionsForm.inline(s));
        }
        deferral.setName("maxDeferralSeconds");
        stall.setName("stallSeconds");
        deferral.addChangeListener(e -> controller.changed());
        stall.addChangeListener(e -> controller.changed());
        form.row(Bundle.TasksOptions_deferral(), OptionsForm.inline(deferral,
                new JLabel(Bundle.TasksOptions_deferralHint())));
        form.row(Bundle.TasksOptions_stall(), OptionsForm.inline(stall, new JLabel(Bundle.TasksOptions_stallHint())));
        form.row("", new JLabel(Bundle.TasksOptions_when()));
        form.finish();
    }

    private static TaskConfiguration service() {
        return Lookup.getDefault().lookup(TaskConfiguration.class);
    }

    @Override
    public JComponent component() {
        return form;
    }

    @Override
    public void load() {
        TaskConfiguration s = service();
        if (s == null) {
            return;
        }
        loaded = s.config();
        workers.forEach((t, spinner) -> spinner.setValue(loaded.workers(t)));
        deferral.setValue((int) loaded.maxDeferral().toSeconds());
        stall.setValue((int) loaded.stallTimeout().toSeconds());
    }

    private TaskConfig read() {
        Map<TaskType, Integer> w = new EnumMap<>(loaded.workers());
        workers.forEach((t, spinner) -> w.put(t, ((Number) spinner.getValue()).intValue()));
        return new TaskConfig(w, Duration.ofSeconds(((Number) deferral.getValue()).longValue()),
                Duration.ofSeconds(((Number) stall.getValue()).longValue()));
    }

    @Override
    public String problem() {
        if (service() == null || loaded == null) {
            return form.problem(Bundle.TasksOptions_none());
        }
        try {
            read();
            return form.problem("");
        } catch (IllegalArgumentException ex) {
            return form.problem(Bundle.TasksOptions_notValid(ex.getMessage()));
        }
    }

    @Override
    public void store() {
        TaskConfiguration s = service();
        TaskConfig c = read();
        SettingsSaving.inBackground(RP, "The background task settings", () -> s.setConfig(c));
    }
}
