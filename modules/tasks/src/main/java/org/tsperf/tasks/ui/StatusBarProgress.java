package org.tsperf.tasks.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.Lookup;
import org.openide.util.RequestProcessor;
import org.openide.windows.OnShowing;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskState;

/**
 * Shows every running background task in the platform's status bar, with Cancel. Started when the main window
 * shows (on the event thread, as every {@code @OnShowing}); the listener is added on a background thread, since that
 * starts the task system, which opens its journal and resumes what it holds.
 */
@OnShowing
public final class StatusBarProgress implements Runnable {

    private static final RequestProcessor STARTER = new RequestProcessor(StatusBarProgress.class.getName());

    private final Map<TaskId, Handle> handles = new ConcurrentHashMap<>();

    /** Event thread: hands the start of the task system to a background thread. */
    @Override
    public void run() {
        STARTER.post(this::listen);
    }

    private void listen() {
        TaskService service = Lookup.getDefault().lookup(TaskService.class);
        if (service != null) {
            // ProgressHandle may be driven from any thread: no hop to the event thread needed
            service.addListener(info -> update(service, info));
        }
    }

    private void update(TaskService service, TaskInfo info) {
        if (info.state() == TaskState.RUNNING) {
            Handle h = handles.computeIfAbsent(info.id(), id -> {
                ProgressHandle p = ProgressHandle.createHandle(info.spec().title(),
                        () -> service.cancel(id, "cancelled from the status bar"));
                p.start();
                return new Handle(p);
            });
            h.show(info);
            // events come from several threads: an end or requeue reported before this start must not leave a bar behind
            if (service.task(info.id()).map(t -> t.state() != TaskState.RUNNING).orElse(true)
                    && handles.remove(info.id(), h)) {
                h.progress.finish();
            }
        } else {
            // ended, or back in the queue (deferred, paused, retried): a bar shows only work in progress
            Handle h = handles.remove(info.id());
            if (h != null) {
                h.progress.finish();
            }
        }
    }

    private static final class Handle {

        final ProgressHandle progress;
        private long total;
        private int units;

        Handle(ProgressHandle progress) {
            this.progress = progress;
        }

        synchronized void show(TaskInfo info) {
            long t = info.progress().total();
            if (t > 0 && t != total) {
                total = t;
                units = 0;
                progress.switchToDeterminate((int) Math.min(Integer.MAX_VALUE, t));
            }
            if (total > 0) {
                // the platform refuses to count back; a task that restarts its count keeps the bar where it was
                units = Math.max(units, (int) Math.min(total, info.progress().done()));
                progress.progress(info.progress().message(), units);
            } else if (!info.progress().message().isEmpty()) {
                progress.progress(info.progress().message());
            }
        }
    }
}
