package org.tsperf.tasks;

import org.openide.modules.ModuleInstall;
import org.openide.util.Lookup;
import org.tsperf.api.tasks.TaskService;

/**
 * Closes the scheduler (workers, journal) when the module is disabled or the application exits; what was queued or
 * running stays in the journal and is resumed at the next start.
 */
public final class TasksLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        close();
    }

    @Override
    public void close() {
        for (TaskService s : Lookup.getDefault().lookupAll(TaskService.class)) {
            if (s instanceof TaskScheduler) {
                ((TaskScheduler) s).close();
            }
        }
    }
}
