package org.tsperf.api.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventThreadTest {

    private final Logger log = Logger.getLogger(EventThread.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    @Test
    void reportsWorkOnTheEventThreadWithTheCallersStack() throws Exception {
        EventQueue.invokeAndWait(() -> EventThread.checkOff("opening the test index"));
        assertEquals(1, records.size(), "one report");
        LogRecord r = records.get(0);
        assertEquals(Level.SEVERE, r.getLevel());
        assertInstanceOf(IllegalStateException.class, r.getThrown(), "a thrown: the UI tests' log handler fails on it");
        assertTrue(r.getThrown().getMessage().startsWith("opening the test index on the event thread"),
                r.getThrown().getMessage());
        assertTrue(java.util.Arrays.stream(r.getThrown().getStackTrace())
                .anyMatch(e -> e.getMethodName().contains("reportsWorkOnTheEventThread")), "the caller's stack");
    }

    @Test
    void saysNothingOnOtherThreads() {
        EventThread.checkOff("opening the test index");
        assertTrue(records.isEmpty(), records.toString());
    }
}
