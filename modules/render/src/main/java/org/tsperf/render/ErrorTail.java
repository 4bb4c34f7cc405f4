package org.tsperf.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last lines a child process wrote to its error output, read on a daemon thread (so the child never blocks on a
 * full pipe), for the message of a failure.
 */
final class ErrorTail {

    private static final Logger LOG = Logger.getLogger(ErrorTail.class.getName());
    private static final int LINES = 8;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread reader;

    private ErrorTail(InputStream in, String threadName) {
        reader = new Thread(() -> read(in), threadName);
        reader.setDaemon(true);
    }

    /** Starts reading {@code process}'s error output. */
    static ErrorTail follow(Process process, String threadName) {
        ErrorTail t = new ErrorTail(process.getErrorStream(), threadName);
        t.reader.start();
        return t;
    }

    /** Waits up to {@code millis} for the output to end (the child has exited). */
    void awaitEnd(long millis) throws InterruptedException {
        reader.join(millis);
    }

    /** The last lines, joined with " / "; empty when there were none. */
    String text() {
        synchronized (lines) {
            return String.join(" / ", lines);
        }
    }

    /** {@code what}, followed by the last lines when there are any. */
    String message(String what) {
        String last = text();
        return last.isEmpty() ? what : what + ": " + last;
    }

    private void read(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > LINES) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException ex) {
            LOG.log(Level.FINE, "a child's error output ended", ex);
        }
    }
}
