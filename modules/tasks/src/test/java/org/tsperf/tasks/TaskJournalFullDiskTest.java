package org.tsperf.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.testsupport.SmallDisk;

/** The task journal in a user directory on a real, small file system that fills up. */
class TaskJournalFullDiskTest {

    @TempDir
    Path temp;

    private static JournalRecord record(String title, String reason) {
        TaskSpec spec = TaskSpec.of(StepsHandler.KIND, title, TaskType.PROXY, TaskPriority.NORMAL,
                ResourceEstimate.TRIVIAL);
        return new JournalRecord(spec, TaskState.QUEUED, reason, Instant.now(), null, 0);
    }

    private static List<String> titles(TaskJournal journal) {
        return journal.readAll().stream().map(r -> r.spec().title()).toList();
    }

    @Test
    void aFullDiskFailsTheWriteClearlyKeepsEveryCommittedTaskAndWritesAgainOnceSpaceIsFreed() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("userdir"), 4L << 20)) {
            Path file = TaskJournals.journalIn(disk.dir());
            TaskJournal journal = TaskJournal.open(file);
            try {
                journal.write(record("a", ""));
                journal.write(record("b", ""));
                disk.fill(0);
                String big = "r".repeat(200_000);
                UncheckedIOException ex = assertThrows(UncheckedIOException.class, () -> {
                    for (int i = 0; i < 50; i++) {
                        journal.write(record("full-" + i, big));
                    }
                });
                String msg = ex.getCause().getMessage();
                assertTrue(msg.contains(file.getParent().toString()) && msg.contains("full")
                        && msg.contains("free space") && msg.contains("--userdir"), msg);
                disk.free();
                journal.write(record("c", ""));
                List<String> now = titles(journal);
                assertTrue(now.containsAll(List.of("a", "b", "c")), "committed tasks stay, writes work again: " + now);
            } finally {
                journal.close();
            }
            try (TaskJournal again = TaskJournal.open(file)) {
                List<String> reopened = titles(again);
                assertTrue(reopened.containsAll(List.of("a", "b", "c")), "survives a reopen: " + reopened);
                assertEquals(reopened.size(), reopened.stream().distinct().count());
            }
        }
    }
}
