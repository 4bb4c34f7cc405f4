package org.tsperf.api.util;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The WARNINGs a logger publishes while a test runs, with their parameters filled in. */
final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger;
    final List<String> warnings = new CopyOnWriteArrayList<>();

    LogRecords(String loggerName) {
        logger = Logger.getLogger(loggerName);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(new java.util.logging.SimpleFormatter().formatMessage(r));
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
