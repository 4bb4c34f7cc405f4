package org.tsperf.api.tasks;

/** The background task system, as far as the workbench's other modules need it. Provided by the tasks module. */
public interface TaskService {

    /** Current queue figures. Cheap; may be called from any thread. */
    TaskCounts counts();
}
