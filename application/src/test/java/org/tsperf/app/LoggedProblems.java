package org.tsperf.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the workbench logs with an exception (at INFO or above) or at SEVERE while a test runs: for tests whose suite
 * cannot fail on every logged exception because another test of it provokes one on purpose (a tampered NBM refused).
 */
final class LoggedProblems extends Handler implements AutoCloseable {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private LoggedProblems() {
        setLevel(Level.INFO);
    }

    static LoggedProblems capture() {
        LoggedProblems p = new LoggedProblems();
        Logger.getLogger("").addHandler(p);
        return p;
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.SEVERE.intValue()
                || r.getThrown() != null && r.getLevel().intValue() >= Level.INFO.intValue()) {
            seen.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                    + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"));
        }
    }

    /** Fails with every problem logged since {@link #capture()}. */
    void assertNone(String during) {
        if (!seen.isEmpty()) {
            throw new AssertionError("logged " + during + ": " + seen);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
