package org.tsperf.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskState;

/**
 * Journal recovery at start: what the journal had queued or running when the application stopped is queued again
 * (a task interrupted {@link TaskScheduler#MAX_ATTEMPTS} times while running fails instead), finished tasks return
 * to the history.
 */
final class JournalRecovery {

    private static final Logger LOG = Logger.getLogger(JournalRecovery.class.getName());

    private JournalRecovery() {
    }

    /** Queues again what the journal had queued or running when the application stopped. */
    static void recover(Dispatcher d, TaskJournal journal, Collection<JournalRecord> records) {
        List<TaskInfo> events = new ArrayList<>();
        List<TaskEntry> resumed = new ArrayList<>();
        d.lock.lock();
        try {
            for (JournalRecord r : records) {
                if (r.state().isFinal()) {
                    TaskEntry e = new TaskEntry(r.spec(), d.sequence++, 0, r.submitted(), r.state(), r.attempts());
                    e.reason = r.reason();
                    e.ended = r.ended();
                    e.completion.complete(e.info());
                    d.history.put(r.spec().id(), e);
                    continue;
                }
                TaskEntry e = d.newEntry(r.spec(), r.submitted(), TaskState.INTERRUPTED, r.attempts());
                if (r.state() == TaskState.RUNNING && r.attempts() >= TaskScheduler.MAX_ATTEMPTS) {
                    d.end(e, TaskState.FAILED, "interrupted " + r.attempts() + " times while d.running; not retried", events);
                    continue;
                }
                e.reason = r.state() == TaskState.RUNNING
                        ? "interrupted while running (attempt " + r.attempts() + "); queued again"
                        : "found queued after a restart";
                resumed.add(e);
            }
            for (TaskEntry e : resumed) {
                if (!e.state.isFinal()) {
                    d.enqueue(e, events);
                }
            }
            if (!resumed.isEmpty()) {
                LOG.log(Level.INFO, "task journal {0}: {1} task(s) queued again after a restart",
                        new Object[] {journal.file(), resumed.size()});
            }
            d.dispatch(events);
        } finally {
            d.lock.unlock();
        }
        d.fire(events);
    }
}
