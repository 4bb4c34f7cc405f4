package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.util.logging.Level;
import javax.swing.JTable;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.MainWindowOperator;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jellytools.actions.Action;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JMenuBarOperator;
import org.netbeans.jemmy.operators.JMenuItemOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.operators.JToggleButtonOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.util.Lookup;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskType;

/** The Background Tasks window of the real workbench: a waiting task shows with its reason and is cancelled. */
public class BackgroundTasksUiTest extends JellyTestCase {

    public BackgroundTasksUiTest(String name) {
        super(name);
        waitNoEvent = false; // live windows repaint continuously
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(BackgroundTasksUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testWaitingTaskShowsItsReasonAndCancels", "testDeferredTaskSaysWhyInFullAndRunsNow",
                        "testPauseSwitchPausesTheService", "testMenuItemAndWindowSwitchShowTheSameState",
                        "testMonitorCountsBackgroundTasks")
                .suite();
    }

    private static TaskService service() {
        TaskService s = Lookup.getDefault().lookup(TaskService.class);
        assertNotNull("the tasks module provides TaskService", s);
        return s;
    }

    private static TopComponentOperator window() {
        return Menus.openWindow("Background Tasks");
    }

    public void testWaitingTaskShowsItsReasonAndCancels() {
        TopComponentOperator tc = window();
        TaskSpec spec = TaskSpec.of("uitest.nohandler", "UI test task", TaskType.THUMBNAIL, TaskPriority.NORMAL,
                ResourceEstimate.TRIVIAL);
        service().submit(spec);
        JTableOperator active = new JTableOperator(tc, new NameComponentChooser("activeTable"));
        await(() -> row(active, "UI test task") >= 0, "the task in the running-and-waiting table");
        int row = row(active, "UI test task");
        await(() -> String.valueOf(active.getValueAt(row(active, "UI test task"), 6)).contains("no handler"),
                "the reason it waits");
        active.selectCell(row, 0);
        JButtonOperator cancel = new JButtonOperator(tc, new NameComponentChooser("cancelTask"));
        await(cancel::isEnabled, "Cancel to be enabled for the selected task");
        cancel.push();
        JTableOperator history = new JTableOperator(tc, new NameComponentChooser("historyTable"));
        await(() -> row(history, "UI test task") >= 0, "the task in the history");
        int h = row(history, "UI test task");
        assertEquals("cancelled", history.getValueAt(h, 2));
        assertEquals("cancelled by the user", history.getValueAt(h, 3));
        assertTrue(row(active, "UI test task") < 0);
    }

    /** A task that needs the whole CPU waits for a calmer machine, says so in words, and starts with Run Now. */
    public void testDeferredTaskSaysWhyInFullAndRunsNow() throws Exception {
        TopComponentOperator tc = window();
        TaskSpec spec = TaskSpec.of(UiTestTaskHandler.KIND, "UI test heavy task", TaskType.THUMBNAIL,
                TaskPriority.LOW, new ResourceEstimate(1.0, 0, 0, 0, java.time.Duration.ofSeconds(1)));
        service().submit(spec);
        JTableOperator active = new JTableOperator(tc, new NameComponentChooser("activeTable"));
        String reason = await(() -> {
            int r = row(active, "UI test heavy task");
            return r < 0 ? "" : String.valueOf(active.getValueAt(r, 6));
        }, "Waiting for the CPU: it is \\d+ % busy and this task needs about 100 % more \\(limit 90 %\\)\\. It starts"
                + " by itself when the machine is calmer; Run Now starts it at once\\.", "the reason it waits, in words");
        // the reason is longer than its column: the cell's tooltip has all of it
        JTable table = (JTable) active.getSource();
        String[] tooltip = new String[1];
        javax.swing.SwingUtilities.invokeAndWait(() -> {
            int r = table.convertRowIndexToView(row(active, "UI test heavy task"));
            java.awt.Component cell = table.prepareRenderer(table.getCellRenderer(r, 6), r, 6);
            boolean cut = ((javax.swing.JLabel) cell).getPreferredSize().width > table.getCellRect(r, 6, false).width;
            tooltip[0] = cut ? ((javax.swing.JComponent) cell).getToolTipText() : reason;
        });
        assertEquals("the whole reason in the tooltip", reason, tooltip[0]);
        active.selectCell(row(active, "UI test heavy task"), 0);
        JButtonOperator runNow = new JButtonOperator(tc, new NameComponentChooser("runNow"));
        await(runNow::isEnabled, "Run Now to be enabled for the waiting task");
        runNow.push();
        JTableOperator history = new JTableOperator(tc, new NameComponentChooser("historyTable"));
        await(() -> row(history, "UI test heavy task") >= 0, "the task to run at once and end in the history");
        assertEquals("done", history.getValueAt(row(history, "UI test heavy task"), 2));
    }

    public void testPauseSwitchPausesTheService() {
        TopComponentOperator tc = window();
        JToggleButtonOperator pause = new JToggleButtonOperator(tc, new NameComponentChooser("pauseToggle"));
        pause.push();
        await(() -> service().isPaused(), "the service to pause");
        await(() -> new JLabelOperator(tc, new NameComponentChooser("tasksSummary")).getText().startsWith("Paused."),
                "the window to say so");
        pause.push();
        await(() -> !service().isPaused(), "the service to resume");
    }

    /** Tools > Pause Background Tasks and the window's switch show one state: the service's. */
    public void testMenuItemAndWindowSwitchShowTheSameState() {
        TopComponentOperator tc = window();
        JToggleButtonOperator pause = new JToggleButtonOperator(tc, new NameComponentChooser("pauseToggle"));
        await(() -> !service().isPaused() && !pause.isSelected(), "the service to run, and the switch to say so");
        new Action("Tools|Pause Background Tasks", null).perform();
        await(() -> service().isPaused(), "the menu item to pause the service");
        await(pause::isSelected, "the window's switch to show the pause made in the menu");
        pause.push();
        await(() -> !service().isPaused(), "the window's switch to resume the service");
        JMenuBarOperator bar = new JMenuBarOperator(MainWindowOperator.getDefault());
        try {
            JMenuItemOperator item = bar.showMenuItem("Tools|Pause Background Tasks", "|");
            await(() -> !item.isSelected(), "the menu item to show the resume made in the window");
        } finally {
            bar.closeSubmenus();
        }
    }

    public void testMonitorCountsBackgroundTasks() {
        TopComponentOperator monitor = new TopComponentOperator("Performance Monitor");
        JLabelOperator tasks = new JLabelOperator(monitor, new NameComponentChooser("tasksValue"));
        await(() -> tasks.getText().matches("\\d+ running, \\d+ waiting"), "the monitor's background tasks line, saw "
                + tasks.getText());
        // the proxy engine is installed, so the monitor's Generate Proxies button is live
        assertTrue(new JButtonOperator(monitor, new NameComponentChooser("generateProxies")).isEnabled());
    }

    private static int row(JTableOperator table, String title) {
        for (int i = 0; i < table.getRowCount(); i++) {
            if (title.equals(table.getValueAt(i, 0))) {
                return i;
            }
        }
        return -1;
    }
}
