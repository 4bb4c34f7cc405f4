package org.tsperf.api.tasks;

/** Told about every change of a task. Called from any thread, possibly a worker: hand Swing work to the EDT. */
@FunctionalInterface
public interface TaskListener {

    void taskChanged(TaskInfo task);
}
