package org.tsperf.tasks.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
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
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.tsperf.api.tasks.QueueInfo;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskListener;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.ui.support.FitOrScroll;
import org.tsperf.ui.support.FullTextTooltips;
import org.tsperf.ui.support.LiveSampler;
import org.tsperf.ui.support.LiveTopComponent;
import org.tsperf.ui.support.TableColumns;
import org.tsperf.ui.support.WrapLayout;

/**
 * Background Tasks: the queues, the running and waiting tasks with progress and Cancel, the history with outcomes
 * and reasons, and a switch that pauses every queue. Renders snapshots fetched off the event thread.
 */
@ConvertAsProperties(dtd = "-//org.tsperf.tasks.ui//BackgroundTasks//EN", autostore = false)
@TopComponent.Description(preferredID = BackgroundTasksTopComponent.ID,
        iconBase = "org/tsperf/tasks/ui/tasks.png", persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 400)
@ActionID(category = "Window", id = "org.tsperf.tasks.ui.BackgroundTasksTopComponent")
@ActionReference(path = "Menu/Window", position = 110)
@TopComponent.OpenActionRegistration(displayName = "#CTL_BackgroundTasksAction", preferredID = BackgroundTasksTopComponent.ID)
@Messages({
    "CTL_BackgroundTasksAction=Background Tasks",
    "CTL_BackgroundTasksTopComponent=Background Tasks",
    "HINT_BackgroundTasksTopComponent=Queues, running tasks and their history",
    "LBL_PauseAll=Pause all",
    "HINT_PauseAll=Stop starting background tasks; running ones finish",
    "LBL_Cancel=Cancel",
    "HINT_Cancel=Stop the selected task",
    "LBL_RunNow=Run Now",
    "HINT_RunNow=Start the selected waiting task now, however busy the machine is (it takes the next free worker of"
        + " its queue)",
    "HINT_RunNowCannot=The selected task does not wait in its queue: it runs, or waits for other tasks it needs",
    "LBL_Queues=Queues",
    "LBL_RunningAndWaiting=Running and waiting",
    "LBL_History=History",
    "MSG_CancelledByUser=cancelled by the user",
    "MSG_NoTaskService=The background task service is missing",
    "# {0} - running tasks, {1} - waiting tasks, {2} - tasks in the history",
    "MSG_TasksSummary={0} running, {1} waiting, {2} in the history",
    "# {0} - the summary of the tasks",
    "MSG_PausedSummary=Paused. {0}",
    "VAL_Running=running"
})
public final class BackgroundTasksTopComponent extends LiveTopComponent {

    static final String ID = "BackgroundTasksTopComponent";
    private static final RequestProcessor FETCH = new RequestProcessor("tsperf-tasks-actions", 1, true);

    private final TaskTables.Queues queues = new TaskTables.Queues();
    private final TaskTables.Active active = new TaskTables.Active();
    private final TaskTables.History history = new TaskTables.History();
    private final JTable activeTable = new JTable(active);
    /** The smallest size at which the buttons, the queues' rows, the waiting tasks and the history are readable. */
    static final Dimension READABLE = new Dimension(720, 380);

    private final JToggleButton pause = new JToggleButton(Bundle.LBL_PauseAll());
    private final JButton cancel = new JButton(Bundle.LBL_Cancel());
    private final JButton runNow = new JButton(Bundle.LBL_RunNow());
    private final JLabel summary = new JLabel();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final TaskListener listener = t -> dirty.set(true);
    /** The tasks and queues, read off the event thread when something changed (checked every 300 ms). */
    private final LiveSampler<TasksView> live = new LiveSampler<>("tsperf-tasks-view", Duration.ofMillis(300),
            this::sample, v -> show(v.tasks(), v.queues(), v.paused()));
    private TaskService service;
    /** Whether the service was paused at the last sample that was rendered (sampler thread only); null: none yet. */
    private Boolean sampledPaused;

    public BackgroundTasksTopComponent() {
        setName(Bundle.CTL_BackgroundTasksTopComponent());
        setToolTipText(Bundle.HINT_BackgroundTasksTopComponent());
        sampleWhileShowing(live);
        setLayout(new BorderLayout());

        JPanel bar = new JPanel(new WrapLayout(FlowLayout.LEFT, 8, 4));
        pause.setName("pauseToggle");
        pause.setToolTipText(Bundle.HINT_PauseAll());
        pause.addActionListener(e -> {
            boolean paused = pause.isSelected();
            if (service != null) {
                FETCH.post(() -> service.setPaused(paused));
            }
            dirty.set(true);
        });
        cancel.setName("cancelTask");
        cancel.setToolTipText(Bundle.HINT_Cancel());
        cancel.setEnabled(false);
        cancel.addActionListener(e -> cancelSelected());
        runNow.setName("runNow");
        runNow.setToolTipText(Bundle.HINT_RunNow());
        runNow.setEnabled(false);
        runNow.addActionListener(e -> runSelectedNow());
        summary.setName("tasksSummary");
        bar.add(pause);
        bar.add(runNow);
        bar.add(cancel);
        bar.add(summary);

        JTable queueTable = new JTable(queues);
        queueTable.setName("queuesTable");
        queueTable.setFillsViewportHeight(true);
        FullTextTooltips.install(queueTable);
        TableColumns.widths(queueTable, 140, 60, 60, 60);
        activeTable.setName("activeTable");
        activeTable.setFillsViewportHeight(true);
        activeTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        activeTable.setDefaultRenderer(TaskInfo.class, new ProgressRenderer());
        activeTable.getSelectionModel().addListSelectionListener(e -> updateButtons());
        FullTextTooltips.install(activeTable);
        TableColumns.widths(activeTable, 200, 80, 60, 70, 90, 50, 420);
        JTable historyTable = new JTable(history);
        historyTable.setName("historyTable");
        historyTable.setFillsViewportHeight(true);
        FullTextTooltips.install(historyTable);
        TableColumns.widths(historyTable, 220, 80, 70, 420, 60, 60);

        JScrollPane queueScroll = titled(Bundle.LBL_Queues(), queueTable);
        // the header and every queue's row, whole
        int queueHeight = queueTable.getTableHeader().getPreferredSize().height
                + TaskType.values().length * queueTable.getRowHeight() + queueScroll.getInsets().top
                + queueScroll.getInsets().bottom + 4;
        queueScroll.setMinimumSize(new Dimension(200, queueHeight));
        queueScroll.setPreferredSize(new Dimension(280, queueHeight));
        JScrollPane activeScroll = titled(Bundle.LBL_RunningAndWaiting(), activeTable);
        activeScroll.setMinimumSize(new Dimension(300, queueHeight));
        JSplitPane top = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, queueScroll, activeScroll);
        top.setResizeWeight(0.2);
        top.setBorder(BorderFactory.createEmptyBorder());
        JScrollPane historyScroll = titled(Bundle.LBL_History(), historyTable);
        historyScroll.setMinimumSize(new Dimension(300, 110));
        JSplitPane all = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, historyScroll);
        all.setResizeWeight(0.6);
        all.setBorder(BorderFactory.createEmptyBorder());
        JPanel content = new JPanel(new BorderLayout());
        content.add(bar, BorderLayout.NORTH);
        content.add(all, BorderLayout.CENTER);
        add(FitOrScroll.wrap(content, READABLE), BorderLayout.CENTER);
    }

    private static JScrollPane titled(String title, JTable table) {
        JScrollPane s = new JScrollPane(table);
        s.setBorder(BorderFactory.createTitledBorder(title));
        return s;
    }

    /** F1 and the help buttons open this window's page of the user guide (the help module maps the ID). */
    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.tasks");
    }

    @Override
    protected void componentOpened() {
        service = Lookup.getDefault().lookup(TaskService.class);
        if (service == null) {
            summary.setText(Bundle.MSG_NoTaskService());
            return;
        }
        TaskService s = service;
        FETCH.post(() -> { // the first call starts the task system: its journal opens
            if (isOpened()) { // not closed meanwhile (the module switched off): that would start it again
                s.addListener(listener);
            }
        });
        dirty.set(true);
    }

    /** Nothing to sample without the service. */
    @Override
    protected boolean canSample() {
        return service != null;
    }

    @Override
    protected void componentClosed() {
        super.componentClosed();
        if (service != null) {
            // at once, not later on FETCH: after the module is switched off a later call would start the task system
            // again (its threads would outlive the module); the listener was added when it opened, so this is cheap
            service.removeListener(listener);
        }
    }

    /** What one sample read. */
    private record TasksView(List<TaskInfo> tasks, List<QueueInfo> queues, boolean paused) {
    }

    /**
     * On the sampler thread: the tasks and queues when a task changed since the last sample, or when the service was
     * paused or resumed (also from Tools &gt; Pause Background Tasks, which changes no task), else null.
     */
    private TasksView sample() {
        TaskService s = service;
        if (s == null) {
            return null;
        }
        boolean paused = s.isPaused();
        if (!dirty.getAndSet(false) && Boolean.valueOf(paused).equals(sampledPaused)) {
            return null;
        }
        sampledPaused = paused;
        return new TasksView(s.tasks(), s.queues(), paused);
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
        String counts = Bundle.MSG_TasksSummary(running, split.get(0).size() - running, split.get(1).size());
        summary.setText(paused ? Bundle.MSG_PausedSummary(counts) : counts);
        updateButtons();
    }

    private void updateButtons() {
        int row = activeTable.getSelectedRow();
        TaskInfo t = row >= 0 ? active.at(row) : null;
        cancel.setEnabled(t != null && !t.state().isFinal());
        boolean waiting = t != null && (t.state() == TaskState.QUEUED || t.state() == TaskState.DEFERRED
                || t.state() == TaskState.INTERRUPTED);
        runNow.setEnabled(waiting);
        runNow.setToolTipText(t == null || waiting ? Bundle.HINT_RunNow() : Bundle.HINT_RunNowCannot());
    }

    private void runSelectedNow() {
        int row = activeTable.getSelectedRow();
        if (row < 0 || service == null) {
            return;
        }
        TaskInfo t = active.at(row);
        TaskService s = service;
        runNow.setEnabled(false);
        FETCH.post(() -> {
            s.startNow(t.id());
            dirty.set(true);
        });
    }

    private void cancelSelected() {
        int row = activeTable.getSelectedRow();
        if (row < 0 || service == null) {
            return;
        }
        TaskInfo t = active.at(row);
        TaskService s = service;
        FETCH.post(() -> s.cancel(t.id(), Bundle.MSG_CancelledByUser()));
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
                    : t.state() == TaskState.RUNNING ? Bundle.VAL_Running() : "");
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
