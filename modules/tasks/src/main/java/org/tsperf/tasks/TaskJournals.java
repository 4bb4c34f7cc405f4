package org.tsperf.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskJournalReader;
import org.tsperf.api.tasks.TaskProgress;
import org.tsperf.api.tasks.TaskState;

/** Reads a user directory's journal for the command line. */
@ServiceProvider(service = TaskJournalReader.class)
public final class TaskJournals implements TaskJournalReader {

    static Path journalIn(Path userDirectory) {
        return userDirectory.resolve("var").resolve("tasks").resolve("journal.db");
    }

    @Override
    public Path journalFile(Path userDirectory) {
        return journalIn(userDirectory);
    }

    @Override
    public List<TaskInfo> read(Path userDirectory) throws IOException {
        Path file = journalIn(userDirectory);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no task journal here: the workbench has not run"
                    + " background tasks with this user directory (give another one with --userdir)");
        }
        try (TaskJournal journal = TaskJournal.open(file)) {
            return journal.readAll().stream().map(r -> new TaskInfo(r.spec(),
                    r.state() == TaskState.RUNNING ? TaskState.INTERRUPTED : r.state(), TaskProgress.NONE, r.reason(),
                    r.submitted(), null, r.ended(), r.attempts())).toList();
        }
    }
}
