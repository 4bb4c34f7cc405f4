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
 * The event thread's time as Linux counts it in {@code /proc/self/task/TID/schedstat}: nanoseconds on a CPU, and
 * nanoseconds ready to run but without a CPU (its run-queue delay). HotSpot gives each Java thread its name as the native
 * name (cut to 15 characters), so the event thread is the one task named {@code AWT-EventQueue-}. Where that cannot be
 * read (another OS, no schedstat, two event threads), {@link #edtTimes()} is null and the guard uses its control
 * thread instead. Used by the guard's watcher thread only.
 */
final class SchedStat {

    private static final Logger LOG = Logger.getLogger(SchedStat.class.getName());
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String EDT_NATIVE_NAME = "AWT-EventQueue-";

    private Path edtTask;
    private boolean unavailable;

    /**
     * The event thread's time so far in nanoseconds: {@code [on a CPU, ready but waiting for one]}, or null when it
     * cannot be read.
     */
    long[] edtTimes() {
        if (unavailable) {
            return null;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (edtTask == null) {
                edtTask = findEdtTask();
                if (edtTask == null) {
                    return null;
                }
            }
            try {
                String[] figures = Files.readString(edtTask.resolve("schedstat")).trim().split(" ");
                return new long[] {Long.parseLong(figures[0]), Long.parseLong(figures[1])};
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.FINE, "cannot read " + edtTask + "/schedstat; looking for the event thread again", ex);
                edtTask = null; // the event thread may have been replaced: look again once
            }
        }
        return null;
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
