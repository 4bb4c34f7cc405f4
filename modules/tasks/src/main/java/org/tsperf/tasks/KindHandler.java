package org.tsperf.tasks;

import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskSpec;

/** A task handler made of a kind and what to do: the scheduler benchmark's work, and the tests'. */
final class KindHandler implements TaskHandler {

    /** What a task of the kind does. */
    @FunctionalInterface
    interface Work {
        void run(TaskSpec spec, TaskContext context) throws Exception;
    }

    private final String kind;
    private final Work work;

    private KindHandler(String kind, Work work) {
        this.kind = kind;
        this.work = work;
    }

    static TaskHandler of(String kind, Work work) {
        return new KindHandler(kind, work);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public void run(TaskSpec spec, TaskContext context) throws Exception {
        work.run(spec, context);
    }
}
