package org.tsperf.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskState;

/** kill -9 of a worker JVM in the middle of a task: nothing lost, nothing completed twice. */
class JournalCrashTest {

    private static final int TASKS = 8;

    private static Process worker(Path journal, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalWorkerMain.class.getName(), journal.toString(), log.toString(), Integer.toString(TASKS), "50")
                .redirectErrorStream(true).redirectOutput(journal.resolveSibling("worker.out").toFile()).start();
    }

    private static List<String> lines(Path log) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void killMinusNineLosesNothingAndCompletesNothingTwice(@TempDir Path userdir) throws Exception {
        Path journal = TaskJournals.journalIn(userdir);
        Path log = userdir.resolve("runs.log");
        Files.createDirectories(journal.getParent());
        Process first = worker(journal, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!lines(log).contains("task-00 start 1")) {
            assertTrue(first.isAlive() && System.nanoTime() < deadline, "task-00 never started");
            Thread.sleep(5);
        }
        // while the worker holds the journal, reading it says so instead of failing obscurely
        java.io.IOException inUse = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new TaskJournals().read(userdir));
        assertTrue(inUse.getMessage().contains("in use by a running Timeline Studio Performance workbench"),
                inUse.getMessage());
        // one worker runs the tasks in order; once task-03 starts, task-02 is committed as done
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!lines(log).contains("task-03 start 1")) {
            assertTrue(first.isAlive(), "worker ended early: " + Files.readString(journal.resolveSibling("worker.out")));
            assertTrue(System.nanoTime() < deadline, "task-03 never started");
            Thread.sleep(5);
        }
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
        assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL");
        assertTrue(!lines(log).contains("task-03 end 1"), "killed in the middle of task-03");

        List<TaskInfo> afterCrash = new TaskJournals().read(userdir);
        assertEquals(TASKS, afterCrash.size(), "every task is in the journal after the crash");
        Map<TaskState, Long> states = new TreeMap<>();
        afterCrash.forEach(t -> states.merge(t.state(), 1L, Long::sum));
        assertEquals(3L, states.get(TaskState.DONE), states.toString());
        assertEquals(1L, states.get(TaskState.INTERRUPTED), "task-03 was running: " + states);

        Process second = worker(journal, log);
        assertTrue(second.waitFor(90, TimeUnit.SECONDS), "the restarted worker finishes");
        assertEquals(0, second.exitValue(), Files.readString(journal.resolveSibling("worker.out")));

        List<String> runs = lines(log);
        for (int i = 0; i < TASKS; i++) {
            String task = String.format("task-%02d", i);
            long ends = runs.stream().filter(l -> l.startsWith(task + " end")).count();
            assertEquals(1, ends, task + " completed exactly once: " + runs);
        }
        assertTrue(runs.contains("task-03 start 2") && runs.contains("task-03 end 2"), "task-03 ran again: " + runs);
        assertTrue(runs.stream().noneMatch(l -> l.matches("task-0[012] start 2")), "done tasks never rerun: " + runs);
        List<TaskInfo> end = new TaskJournals().read(userdir);
        assertTrue(end.stream().allMatch(t -> t.state() == TaskState.DONE), end.toString());
        assertTrue(new File(journal.toString()).length() > 0);
    }
}
