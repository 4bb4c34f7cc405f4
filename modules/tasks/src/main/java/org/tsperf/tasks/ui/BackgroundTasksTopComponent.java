package org.tsperf.tasks.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JToggleButton;
import javax.swing.ListSelectionModel;
import javax.swing.table.TableCellRenderer;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.tsperf.api.tasks.QueueInfo;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskListener;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.ui.support.LiveSampler;

/**
 * Background Tasks: the queues, the running and waiting tasks with progress and Cancel, the history with outcomes
 * and reasons, and a switch that pauses every queue. Renders snapshots fetched off the event thread.
 */
@ConvertAsProperties(dtd = "-//org.tsperf.tasks.ui//BackgroundTasks//EN", autostore = false)
@TopComponent.Description(preferredID = BackgroundTasksTopComponent.ID,
        iconBase = "org/tsperf/tasks/ui/tasks.png", persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "output", openAtStartup = false, position = 200)
@ActionID(category = "Window", id = "org.tsperf.tasks.ui.BackgroundTasksTopComponent")
@ActionReference(path = "Menu/Window", position = 110)
@TopComponent.OpenActionRegistration(displayName = "#CTL_BackgroundTasksAction", preferredID = BackgroundTasksTopComponent.ID)
@Messages({
    "CTL_BackgroundTasksAction=Background Tasks",
    "CTL_BackgroundTasksTopComponent=Background Tasks",
    "HINT_BackgroundTasksTopComponent=Queues, running tasks and their history"
})
public final class BackgroundTasksTopComponent extends TopComponent {

    static final String ID = "BackgroundTasksTopComponent";
    private static final RequestProcessor FETCH = new RequestProcessor("tsperf-tasks-actions", 1, true);

    private final TaskTables.Queues queues = new TaskTables.Queues();
    private final TaskTables.Active active = new TaskTables.Active();
    private final TaskTables.History history = new TaskTables.History();
    private final JTable activeTable = new JTable(active);
    private final JToggleButton pause = new JToggleButton("Pause all");
    private final JButton cancel = new JButton("Cancel");
    private final JLabel summary = new JLabel();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final TaskListener listener = t -> dirty.set(true);
    /** The tasks and queues, read off the event thread when something changed (checked every 300 ms). */
    private final LiveSampler<TasksView> live = new LiveSampler<>("tsperf-tasks-view", Duration.ofMillis(300),
            this::sample, v -> show(v.tasks(), v.queues(), v.paused()));
    private TaskService service;

    public BackgroundTasksTopComponent() {
        setName(Bundle.CTL_BackgroundTasksTopComponent());
        setToolTipText(Bundle.HINT_BackgroundTasksTopComponent());
        setLayout(new BorderLayout());

        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 4));
        pause.setName("pauseToggle");
        pause.setToolTipText("Stop starting background tasks; running ones finish");
        pause.addActionListener(e -> {
            boolean paused = pause.isSelected();
            if (service != null) {
                FETCH.post(() -> service.setPaused(paused));
            }
            dirty.set(true);
        });
        cancel.setName("cancelTask");
        cancel.setEnabled(false);
        cancel.addActionListener(e -> cancelSelected());
        summary.setName("tasksSummary");
        bar.add(pause);
        bar.add(cancel);
        bar.add(summary);
        add(bar, BorderLayout.NORTH);

        JTable queueTable = new JTable(queues);
        queueTable.setName("queuesTable");
        queueTable.setFillsViewportHeight(true);
        activeTable.setName("activeTable");
        activeTable.setFillsViewportHeight(true);
        activeTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        activeTable.setDefaultRenderer(TaskInfo.class, new ProgressRenderer());
        activeTable.getSelectionModel().addListSelectionListener(e -> updateCancel());
        JTable historyTable = new JTable(history);
        historyTable.setName("historyTable");
        historyTable.setFillsViewportHeight(true);

        JSplitPane top = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, titled("Queues", queueTable),
                titled("Running and waiting", activeTable));
        top.setResizeWeight(0.25);
        JSplitPane all = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, titled("History", historyTable));
        all.setResizeWeight(0.6);
        add(all, BorderLayout.CENTER);
    }

    private static JScrollPane titled(String title, JTable table) {
        JScrollPane s = new JScrollPane(table);
        s.setBorder(BorderFactory.createTitledBorder(title));
        return s;
    }

    @Override
    protected void componentOpened() {
        service = Lookup.getDefault().lookup(TaskService.class);
        if (service == null) {
            summary.setText("The background task service is missing");
            return;
        }
        service.addListener(listener);
        dirty.set(true);
    }

    /** Sampled only while it can be seen: a window in a tab behind another reads nothing. */
    @Override
    protected void componentShowing() {
        if (service != null) {
            live.start();
        }
    }

    @Override
    protected void componentHidden() {
        live.stop();
    }

    @Override
    protected void componentClosed() {
        live.stop();
        if (service != null) {
            service.removeListener(listener);
        }
    }

    /** What one sample read. */
    private record TasksView(List<TaskInfo> tasks, List<QueueInfo> queues, boolean paused) {
    }

    /** On the sampler thread: the tasks and queues when a task changed since the last sample, else null. */
    private TasksView sample() {
        TaskService s = service;
        if (s == null || !dirty.getAndSet(false)) {
            return null;
        }
        return new TasksView(s.tasks(), s.queues(), s.isPaused());
    }

    private void show(List<TaskInfo> tasks, List<QueueInfo> q, boolean paused) {
        TaskInfo selected = activeTable.getSelectedRow() >= 0 ? active.at(activeTable.getSelectedRow()) : null;
        List<List<TaskInfo>> split = TaskTables.split(tasks);
        queues.set(q);
        active.set(split.get(0));
        history.set(split.get(1));
        if (selected != null) {
            for (int i = 0; i < active.getRowCount(); i++) {
                if (active.at(i).id().equals(selected.id())) {
                    activeTable.setRowSelectionInterval(i, i);
                }
            }
        }
        pause.setSelected(paused);
        long running = split.get(0).stream().filter(t -> t.state() == TaskState.RUNNING).count();
        summary.setText((paused ? "Paused. " : "") + running + " running, " + (split.get(0).size() - running)
                + " waiting, " + split.get(1).size() + " in the history");
        updateCancel();
    }

    private void updateCancel() {
        int row = activeTable.getSelectedRow();
        cancel.setEnabled(row >= 0 && !active.at(row).state().isFinal());
    }

    private void cancelSelected() {
        int row = activeTable.getSelectedRow();
        if (row < 0 || service == null) {
            return;
        }
        TaskInfo t = active.at(row);
        TaskService s = service;
        FETCH.post(() -> s.cancel(t.id(), "cancelled by the user"));
    }

    /** Progress column: a bar with the percentage, or the state while no total is known. */
    private static final class ProgressRenderer implements TableCellRenderer {

        private final JProgressBar bar = new JProgressBar(0, 1000);

        ProgressRenderer() {
            bar.setStringPainted(true);
            bar.setBorderPainted(false);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean isSelected,
                boolean hasFocus, int row, int column) {
            TaskInfo t = (TaskInfo) value;
            double fraction = t.progress().fraction().orElse(0.0);
            bar.setValue((int) Math.round(fraction * 1000));
            bar.setString(t.progress().fraction().isPresent() ? Math.round(fraction * 100) + " %"
                    : t.state() == TaskState.RUNNING ? "running" : "");
            return bar;
        }
    }

    void writeProperties(Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(Properties p) {
        // nothing to restore: the window shows live state
    }
}
