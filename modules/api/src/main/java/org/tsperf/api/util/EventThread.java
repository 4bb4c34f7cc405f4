package org.tsperf.api.util;

import java.awt.EventQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A check for work that must never run on the Swing event thread (opening a MapDB file, walking folders, probing
 * media, waiting on a task): a window would freeze for as long as it takes. The work goes on (a user would rather wait
 * than lose it), and the call is reported as a SEVERE log record with the stack that made it, which the UI tests'
 * log handler turns into a failure of the test that caused it.
 */
public final class EventThread {

    private static final Logger LOG = Logger.getLogger(EventThread.class.getName());
    /** What OpenJDK names its event dispatch threads ({@code AWT-EventQueue-0}). */
    private static final String EVENT_THREAD_NAME = "AWT-EventQueue-";

    private EventThread() {
    }

    /**
     * Reports {@code what} when called on the event thread; does nothing on any other thread (and in a plain JVM
     * without a display, where no event thread runs). Cheap; may be called from any thread.
     *
     * @param what the work, as a developer reads it in the log: "opening the proxy index /path/index.db"
     */
    public static void checkOff(String what) {
        // the name first: asking EventQueue on another thread of a plain JVM (the command line) would start AWT
        if (Thread.currentThread().getName().startsWith(EVENT_THREAD_NAME) && EventQueue.isDispatchThread()) {
            LOG.log(Level.SEVERE, what + " on the event thread", new IllegalStateException(what
                    + " on the event thread: it freezes the windows until it ends; do it on a background thread"));
        }
    }
}
