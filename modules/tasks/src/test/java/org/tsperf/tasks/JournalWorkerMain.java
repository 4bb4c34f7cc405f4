package org.tsperf.tasks;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openide.util.Lookup;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskType;

/**
 * The worker process of the crash test: {@code JournalWorkerMain JOURNAL LOG TASKS STEPS}. On a fresh journal it
 * submits TASKS tasks; on an existing one it only resumes what the journal holds. Exits 0 when nothing is left.
 */
public final class JournalWorkerMain {

    private JournalWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        boolean fresh = !journal.toFile().exists();
        TaskScheduler scheduler = new TaskScheduler(Lookup.getDefault(), journal,
                TaskScheduler.Config.defaults().withWorkers(1));
        if (fresh) {
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                scheduler.submit(TaskSpec.of(StepsHandler.KIND, String.format("task-%02d", i), TaskType.PROXY,
                        TaskPriority.NORMAL, ResourceEstimate.TRIVIAL)
                        .withParameters(Map.of("log", args[1], "steps", args[3])));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (scheduler.counts().running() + scheduler.counts().waiting() > 0) {
            if (System.nanoTime() > deadline) {
                System.exit(3);
            }
            Thread.sleep(20);
        }
        scheduler.close();
        System.exit(0);
    }
}
