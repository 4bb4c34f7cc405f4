package org.tsperf.tasks;

import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.tasks.LoadSource;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.SystemLoad;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskListener;
import org.tsperf.api.tasks.TaskState;

/** What the dispatcher does that needs none of its own state: failure texts, listener calls, the load. */
final class DispatcherSupport {

    private static final Logger LOG = Logger.getLogger(DispatcherSupport.class.getName());

    private DispatcherSupport() {
    }

    /** A failure in words: its message, or its kind when it has none. */
    static String describe(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    /** Why a task ends with the task it depends on. */
    static String dependencyReason(TaskEntry failed) {
        return "'" + failed.spec.title() + "', which it depends on, " + (failed.state == TaskState.FAILED ? "failed"
                : "was cancelled") + (failed.reason.isEmpty() ? "" : ": " + failed.reason);
    }

    /** The machine's load from the registered source; an idle machine where none is, or it fails. */
    static SystemLoad currentLoad(Lookup lookup) {
        LoadSource source = lookup.lookup(LoadSource.class);
        if (source == null) {
            return SystemLoad.IDLE;
        }
        try {
            return source.current();
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "load source " + source.getClass().getName() + " failed; assuming an idle machine", ex);
            return SystemLoad.IDLE;
        }
    }

    /** Tells every listener about every event; a failing listener is logged and the others still hear. */
    static void fire(List<TaskListener> listeners, List<TaskInfo> events) {
        for (TaskInfo info : events) {
            for (TaskListener l : listeners) {
                try {
                    l.taskChanged(info);
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "task listener " + l + " failed", ex);
                }
            }
        }
    }

    /** The estimates of tasks started too recently to show in the sampled load: held for them. */
    static ResourceEstimate reserved(Collection<TaskEntry> running, long reserveNanos) {
        ResourceEstimate sum = ResourceEstimate.TRIVIAL;
        long now = System.nanoTime();
        for (TaskEntry e : running) {
            if (e.running != null && now - e.running.startedNanos < reserveNanos) {
                sum = CapacityPolicy.plus(sum, e.spec.estimate());
            }
        }
        return sum;
    }
}
