package org.tsperf.api.tasks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads the task journal of a user directory without running its tasks (for the command line). */
public interface TaskJournalReader {

    /** Where the journal of a user directory is. */
    Path journalFile(Path userDirectory);

    /**
     * The tasks in the journal, oldest first. Tasks recorded as running show as {@link TaskState#INTERRUPTED}: no
     * process runs them while the journal can be read.
     *
     * @throws IOException when the journal is missing, unreadable, or held by a running workbench; the message
     *                     says which and what to do
     */
    List<TaskInfo> read(Path userDirectory) throws IOException;
}
