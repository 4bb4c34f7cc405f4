package org.tsperf.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.tsperf.api.tasks.TaskId;

/**
 * Queued, running and recently finished tasks in a transactional MapDB file, committed at every change: after a
 * kill -9 the file reopens with every committed record (without transactions MapDB does not reopen at all).
 */
final class TaskJournal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TaskJournal.class.getName());
    /** Finished tasks kept for the history; older ones are removed. */
    static final int FINISHED_KEPT = 500;

    private final Path file;
    private final DB db;
    private final ConcurrentMap<String, String> records;

    private TaskJournal(Path file, DB db) {
        this.file = file;
        this.db = db;
        this.records = db.hashMap("tasks", Serializer.STRING, Serializer.STRING).createOrOpen();
    }

    /**
     * Opens or creates the journal.
     *
     * @throws JournalInUseException when another process (a running workbench) holds it
     * @throws IOException           when it cannot be created or read, with the file named
     */
    static TaskJournal open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            return new TaskJournal(file, DBMaker.fileDB(file.toFile()).transactionEnable().make());
        } catch (DBException.FileLocked ex) {
            throw new JournalInUseException(file, ex);
        } catch (DBException ex) {
            throw new IOException("task journal " + file + " cannot be opened (" + ex.getMessage()
                    + "); move it aside to start with an empty journal", ex);
        }
    }

    Path file() {
        return file;
    }

    synchronized void write(JournalRecord record) {
        records.put(record.spec().id().value(), record.encode());
        db.commit();
    }

    synchronized void remove(TaskId id) {
        records.remove(id.value());
        db.commit();
    }

    /** Every record, oldest submission first. A record that cannot be read is logged and skipped, never fatal. */
    synchronized List<JournalRecord> readAll() {
        List<JournalRecord> all = new ArrayList<>();
        records.forEach((id, text) -> {
            try {
                all.add(JournalRecord.decode(text));
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "task journal " + file + ": record " + id + " is unreadable and skipped", ex);
            }
        });
        all.sort(Comparator.comparing(JournalRecord::submitted));
        return all;
    }

    /** Drops the oldest finished records beyond {@link #FINISHED_KEPT}. */
    synchronized void trimHistory() {
        List<JournalRecord> finished = readAll().stream().filter(r -> r.state().isFinal()).toList();
        int excess = finished.size() - FINISHED_KEPT;
        for (int i = 0; i < excess; i++) {
            records.remove(finished.get(i).spec().id().value());
        }
        if (excess > 0) {
            db.commit();
        }
    }

    @Override
    public synchronized void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }

    /** The journal is held by another process. */
    static final class JournalInUseException extends IOException {

        JournalInUseException(Path file, Throwable cause) {
            super("the task journal " + file + " is in use by a running Timeline Studio Performance workbench;"
                    + " close the workbench, or look at its Background Tasks window", cause);
        }
    }
}
