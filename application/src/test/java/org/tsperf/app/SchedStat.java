package org.tsperf.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event thread's run-queue delay as Linux counts it: the second figure of {@code /proc/self/task/TID/schedstat},
 * the nanoseconds the thread was ready to run but had no CPU. HotSpot gives each Java thread its name as the native
 * name (cut to 15 characters), so the event thread is the one task named {@code AWT-EventQueue-}. Where that cannot be
 * read (another OS, no schedstat, two event threads), {@link #edtRunQueueNanos()} is -1 and the guard uses its control
 * thread instead. Used by the guard's watcher thread only.
 */
final class SchedStat {

    private static final Logger LOG = Logger.getLogger(SchedStat.class.getName());
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String EDT_NATIVE_NAME = "AWT-EventQueue-";

    private Path edtTask;
    private boolean unavailable;

    /** The event thread's run-queue delay so far in nanoseconds, or -1 when it cannot be read. */
    long edtRunQueueNanos() {
        if (unavailable) {
            return -1;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (edtTask == null) {
                edtTask = findEdtTask();
                if (edtTask == null) {
                    return -1;
                }
            }
            try {
                String[] figures = Files.readString(edtTask.resolve("schedstat")).trim().split(" ");
                return Long.parseLong(figures[1]);
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.FINE, "cannot read " + edtTask + "/schedstat; looking for the event thread again", ex);
                edtTask = null; // the event thread may have been replaced: look again once
            }
        }
        return -1;
    }

    private Path findEdtTask() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path t : tasks) {
                try {
                    if (EDT_NATIVE_NAME.equals(Files.readString(t.resolve("comm")).trim())) {
                        found.add(t);
                    }
                } catch (IOException ex) {
                    LOG.log(Level.FINE, "a thread ended while being listed: " + t, ex);
                }
            }
        } catch (IOException | UnsupportedOperationException ex) {
            LOG.log(Level.INFO, "no /proc/self/task here: the guard subtracts a control thread's delay instead", ex);
            unavailable = true;
            return null;
        }
        if (found.size() != 1) {
            LOG.log(Level.FINE, "{0} threads named {1}: the guard subtracts a control thread''s delay this time",
                    new Object[] {found.size(), EDT_NATIVE_NAME});
            return null;
        }
        return found.get(0);
    }
}
