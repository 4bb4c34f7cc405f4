package org.tsperf.tasks.ui;

import java.awt.EventQueue;
import java.awt.event.ActionEvent;
import java.awt.event.HierarchyEvent;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenuItem;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.awt.StatusDisplayer;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.util.actions.Presenter;
import org.tsperf.api.tasks.TaskService;

/**
 * Tools &gt; Pause Background Tasks: the Background Tasks window's "Pause all" switch from anywhere. A check box in
 * the menu that shows whether the {@link TaskService} is paused (read again, off the event thread, each time the menu
 * shows), and pauses or resumes it. The service is the only state: the window's switch and this item both show it.
 */
@ActionID(category = "Tools", id = "org.tsperf.tasks.ui.PauseBackgroundTasksAction")
@ActionRegistration(displayName = "#CTL_PauseBackgroundTasksAction", lazy = false)
@ActionReference(path = "Menu/Tools", position = 1360)
@Messages({
    "CTL_PauseBackgroundTasksAction=Pause Background Tasks",
    "HINT_PauseBackgroundTasksAction=Stop starting background tasks (running ones finish); again to resume",
    "MSG_TasksPaused=Background tasks paused: running ones finish, no new one starts",
    "MSG_TasksResumed=Background tasks resumed",
    "MSG_NoTaskServiceToPause=The background task service is not installed"
})
public final class PauseBackgroundTasksAction extends AbstractAction implements Presenter.Menu {

    private static final long serialVersionUID = 1L;
    /** The service may start its journal at first use: it is never called on the event thread. */
    private static final RequestProcessor WORK = new RequestProcessor("tsperf-tasks-pause", 1);

    private final transient Supplier<TaskService> services;

    public PauseBackgroundTasksAction() {
        this(() -> Lookup.getDefault().lookup(TaskService.class));
    }

    /** @param services where the task service is found, each time (the module can be switched off and on) */
    PauseBackgroundTasksAction(Supplier<TaskService> services) {
        super(Bundle.CTL_PauseBackgroundTasksAction());
        this.services = services;
        putValue(SHORT_DESCRIPTION, Bundle.HINT_PauseBackgroundTasksAction());
        putValue(SELECTED_KEY, Boolean.FALSE);
    }

    /**
     * Event thread: toggles the service's state as the service has it, read off the event thread. Not the menu
     * item's: the item may still show a state the window's switch has changed since (its refresh is on its way when
     * the menu opens), and a click on a stale check mark would then ask for the state the service already has.
     */
    @Override
    public void actionPerformed(ActionEvent e) {
        toggle();
    }

    /**
     * Pauses the service if it runs, resumes it if it is paused, off the event thread; then shows its state.
     *
     * @return completes, after the service was told, with the state shown
     */
    CompletableFuture<Boolean> toggle() {
        return tell(s -> !s.isPaused());
    }

    /** What the menu item shows now (event thread). */
    boolean isPaused() {
        return Boolean.TRUE.equals(getValue(SELECTED_KEY));
    }

    /**
     * Pauses or resumes the service off the event thread, then shows the service's state.
     *
     * @return completes, after the service was told, with the state shown
     */
    CompletableFuture<Boolean> setPaused(boolean pause) {
        return tell(s -> pause);
    }

    /** Off the event thread: tells the service the state {@code wanted} says (from the service), then shows it. */
    private CompletableFuture<Boolean> tell(Predicate<TaskService> wanted) {
        CompletableFuture<Boolean> shown = new CompletableFuture<>();
        WORK.post(() -> {
            TaskService s = services.get();
            if (s == null) {
                StatusDisplayer.getDefault().setStatusText(Bundle.MSG_NoTaskServiceToPause());
            } else {
                boolean pause = wanted.test(s);
                s.setPaused(pause);
                StatusDisplayer.getDefault().setStatusText(pause ? Bundle.MSG_TasksPaused()
                        : Bundle.MSG_TasksResumed());
            }
            show(s != null && s.isPaused(), shown);
        });
        return shown;
    }

    /**
     * Reads the service's state off the event thread and shows it (the window's switch may have changed it).
     *
     * @return completes with the state shown
     */
    CompletableFuture<Boolean> refresh() {
        CompletableFuture<Boolean> shown = new CompletableFuture<>();
        WORK.post(() -> {
            TaskService s = services.get();
            show(s != null && s.isPaused(), shown);
        });
        return shown;
    }

    private void show(boolean paused, CompletableFuture<Boolean> shown) {
        EventQueue.invokeLater(() -> {
            putValue(SELECTED_KEY, paused);
            shown.complete(paused);
        });
    }

    /** A check box bound to this action's state, which reads the service again whenever its menu shows. */
    @Override
    public JMenuItem getMenuPresenter() {
        JCheckBoxMenuItem item = new JCheckBoxMenuItem(this);
        item.setToolTipText(null); // the menu speaks for itself; the description is for the keymap
        item.addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && item.isShowing()) {
                refresh();
            }
        });
        return item;
    }
}
