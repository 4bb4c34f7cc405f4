package org.tsperf.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.tsperf.api.util.ByteSizes;
import org.tsperf.api.util.EventThread;

/**
 * Queued, running and recently finished tasks in a transactional MapDB file, committed at every change: after a
 * kill -9 the file reopens with every committed record (without transactions MapDB does not reopen at all).
 */
final class TaskJournal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TaskJournal.class.getName());
    /** Finished tasks kept for the history; older ones are removed. */
    static final int FINISHED_KEPT = 500;

    private final Path file;
    /** Opened again from what was committed after a write failed (a full disk). Guarded by this. */
    private DB db;
    private ConcurrentMap<String, String> records;
    private boolean closed;

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
        EventThread.checkOff("opening the task journal " + file);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            TaskJournal journal = new TaskJournal(file, DBMaker.fileDB(file.toFile()).transactionEnable().make());
            try {
                journal.records.forEach((id, text) -> { }); // every record readable, or the file is damaged
            } catch (RuntimeException ex) {
                journal.close();
                throw ex;
            }
            return journal;
        } catch (DBException.FileLocked ex) {
            throw new JournalInUseException(file, ex);
        } catch (RuntimeException ex) {
            throw new JournalDamagedException(file, ex);
        }
    }

    /**
     * Opens the journal; one that a crash damaged beyond MapDB's repair is renamed aside (kept for the user, named
     * in the log) and a new one started, so that background work is journalled again.
     */
    static TaskJournal openOrReplaceDamaged(Path file) throws IOException {
        try {
            return open(file);
        } catch (JournalDamagedException ex) {
            Path kept = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.move(file, kept);
            try (java.util.stream.Stream<Path> logs = Files.list(file.getParent())) {
                for (Path wal : logs.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".wal"))
                        .toList()) {
                    Files.move(wal, wal.resolveSibling(kept.getFileName() + wal.getFileName().toString()
                            .substring(file.getFileName().toString().length())));
                }
            }
            LOG.log(Level.WARNING, "task journal " + file + " was damaged (" + ex.getCause() + "); it is kept as "
                    + kept + " and a new journal started: tasks queued before the crash are not resumed", ex);
            return open(file);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Records a task's state (one commit).
     *
     * @throws UncheckedIOException when the file cannot be written (a full disk: the message names the folder and
     *                              what to do); what was committed before stays, and a later write works once there
     *                              is space again
     */
    synchronized void write(JournalRecord record) {
        change(() -> {
            records.put(record.spec().id().value(), record.encode());
            db.commit();
        });
    }

    synchronized void remove(TaskId id) {
        change(() -> {
            records.remove(id.value());
            db.commit();
        });
    }

    /**
     * Runs changes that end in a commit. MapDB's log is unusable after a failed write (a rollback fails too), so
     * the file is closed and opened again from what was committed: now, or at the next write if the disk is still
     * full.
     */
    private void change(Runnable changes) {
        if (closed) {
            throw new IllegalStateException("the task journal " + file + " is closed");
        }
        try {
            if (db.isClosed()) {
                reopen();
            }
            changes.run();
        } catch (RuntimeException | IOException ex) {
            try {
                db.close();
            } catch (RuntimeException closing) {
                ex.addSuppressed(closing);
            }
            try {
                reopen();
            } catch (IOException | RuntimeException again) {
                LOG.log(Level.FINE, "the task journal opens again at its next write", again);
            }
            throw new UncheckedIOException(cannotWrite(file, ex));
        }
    }

    private void reopen() throws IOException {
        DB opened = DBMaker.fileDB(file.toFile()).transactionEnable().make();
        db = opened;
        records = opened.hashMap("tasks", Serializer.STRING, Serializer.STRING).createOrOpen();
    }

    /** Why a write failed, in words: a full disk names its folder, the space free and what to do. */
    static IOException cannotWrite(Path file, Exception cause) {
        Path dir = file.toAbsolutePath().getParent();
        boolean full = false;
        for (Throwable c = cause; c != null; c = c.getCause()) {
            full |= String.valueOf(c.getMessage()).contains("No space left on device");
        }
        long free = -1;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException ex) {
            cause.addSuppressed(ex);
        }
        if (full || (free >= 0 && free < (1 << 20))) {
            return new IOException("the task journal " + file + " cannot be written: the disk of the user directory"
                    + " folder " + dir + " is full (" + ByteSizes.format(Math.max(0, free)) + " free). Tasks still"
                    + " run, but are not resumed after a crash until there is room: free space on that disk, or"
                    + " start with another user directory (--userdir).", cause);
        }
        return new IOException("the task journal " + file + " cannot be written (" + cause + ")", cause);
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
        if (excess > 0) {
            change(() -> {
                for (int i = 0; i < excess; i++) {
                    records.remove(finished.get(i).spec().id().value());
                }
                db.commit();
            });
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (!db.isClosed()) {
            db.close();
        }
    }

    /** The journal file cannot be read back. */
    static final class JournalDamagedException extends IOException {

        JournalDamagedException(Path file, Throwable cause) {
            super("task journal " + file + " cannot be opened (" + cause.getMessage()
                    + "); move it aside to start with an empty journal", cause);
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
