package org.tsperf.app;

import java.awt.EventQueue;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.windows.WindowManager;

/**
 * Fails a UI test when the Swing event thread stalls: a watcher thread posts a probe to the event queue every few
 * milliseconds and measures how long it waits to run. A wait over {@link #THRESHOLD_MILLIS} that the event thread
 * itself caused is reported with the event thread's stack, taken while it was stuck, as a SEVERE log record with an
 * {@link EventThreadStall}; the suites' {@code failOnException} turns that into the failure of the test in progress.
 *
 * <p>A loaded 2-core machine must not trip it. Subtracted from each wait, so that only the event thread's own time
 * (running, blocked on a lock, sleeping or waiting, reading a file) counts:
 * <ul>
 * <li>the time the event thread was runnable but had no CPU (its run-queue delay in {@code /proc/self/task/TID/schedstat},
 *     Linux's own account of it); where that cannot be read, the time a plain control thread, probed at the same moment,
 *     took to run (the machine's scheduling delay as any thread sees it);</li>
 * <li>the time the JVM spent in garbage collection meanwhile (a pause stops every thread, not only this one).</li>
 * </ul>
 *
 * <p>The platform's own startup (module system, window system, the first layout and paint of every window, before the
 * main window shows) is not watched: the guard arms itself only once the window system reports the UI ready
 * ({@link WindowManager#invokeWhenUIReady}), and the tests start after that. The product's work on the event thread at
 * startup is covered by the MapDB check ({@code EventThread.checkOff}) instead.
 */
final class EventThreadGuard {

    static final long THRESHOLD_MILLIS = 200;
    private static final long PROBE_EVERY_MILLIS = 5;
    private static final Logger LOG = Logger.getLogger(EventThreadGuard.class.getName());
    private static EventThreadGuard suite;

    /** A stall: its length, what was subtracted, and the event thread's stack while it was stuck. */
    static final class EventThreadStall extends AssertionError {
        private static final long serialVersionUID = 1L;
        final long millis;

        EventThreadStall(long millis, long waitMillis, long excludedMillis, String how, StackTraceElement[] edtStack) {
            super(String.format(java.util.Locale.ROOT, "the event thread stalled %d ms (over %d ms): a probe waited %d ms"
                    + ", less %d ms %s; the stack below is the event thread's while it was stuck", millis,
                    THRESHOLD_MILLIS, waitMillis, excludedMillis, how));
            this.millis = millis;
            setStackTrace(edtStack);
        }
    }

    private final Consumer<EventThreadStall> report;
    private final List<EventThreadStall> stalls = new CopyOnWriteArrayList<>();
    private final SchedStat schedStat = new SchedStat();
    private volatile boolean armed;
    private volatile boolean stopped;
    private Thread watcher;
    private Thread control;
    private final java.util.concurrent.BlockingQueue<AtomicLong> controlProbes = new java.util.concurrent.LinkedBlockingQueue<>();

    EventThreadGuard(Consumer<EventThreadStall> report) {
        this.report = report;
    }

    /**
     * Starts the suite's guard once (each suite starts its own workbench) and returns it. Called by each UI test's
     * {@code setUp}; it reports through the log.
     */
    static synchronized EventThreadGuard installOnce() {
        if (suite == null) {
            suite = new EventThreadGuard(stall -> LOG.log(Level.SEVERE, stall.getMessage(), stall));
            suite.start();
            // arms when the platform's startup is over (at once when it is already)
            WindowManager.getDefault().invokeWhenUIReady(suite::arm);
        }
        return suite;
    }

    /** The stalls reported so far. */
    List<EventThreadStall> stalls() {
        return List.copyOf(stalls);
    }

    void arm() {
        armed = true;
    }

    synchronized void start() {
        control = new Thread(this::controlLoop, "tsperf-edt-guard-control");
        control.setDaemon(true);
        control.start();
        watcher = new Thread(this::watch, "tsperf-edt-guard");
        watcher.setDaemon(true);
        watcher.start();
    }

    synchronized void stop() throws InterruptedException {
        stopped = true;
        watcher.interrupt();
        control.interrupt();
        watcher.join(5000);
        control.join(5000);
    }

    /** The control thread: runs each probe at once, as any thread would when it gets the CPU. */
    private void controlLoop() {
        try {
            while (!stopped) {
                controlProbes.take().set(System.nanoTime());
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt(); // stop() asked: the thread ends
        }
    }

    private void watch() {
        try {
            while (!stopped) {
                probeOnce();
                TimeUnit.MILLISECONDS.sleep(PROBE_EVERY_MILLIS);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt(); // stop() asked: the thread ends
        }
    }

    /** Probes run so far (the proof test waits for the guard to be under way). */
    long probes() {
        return probes.get();
    }

    private final AtomicLong probes = new AtomicLong();

    private void probeOnce() throws InterruptedException {
        long[] ran = {0};
        Thread[] edt = new Thread[1];
        long gcBefore = gcMillis();
        long edtQueueBefore = schedStat.edtRunQueueNanos();
        long posted = System.nanoTime();
        EventQueue.invokeLater(() -> {
            edt[0] = Thread.currentThread();
            synchronized (ran) {
                ran[0] = System.nanoTime();
                ran.notifyAll();
            }
        });
        AtomicLong controlRan = new AtomicLong();
        controlProbes.add(controlRan);
        StackTraceElement[] stuck = null;
        Thread edtThread = lastEdt;
        synchronized (ran) {
            while (ran[0] == 0) {
                ran.wait(PROBE_EVERY_MILLIS);
                if (ran[0] == 0 && stuck == null && System.nanoTime() - posted > TimeUnit.MILLISECONDS.toNanos(THRESHOLD_MILLIS)
                        && edtThread != null) {
                    stuck = edtThread.getStackTrace(); // what holds it, taken while it holds it
                }
                if (stopped) {
                    return;
                }
            }
        }
        lastEdt = edt[0];
        probes.incrementAndGet();
        long waitNanos = ran[0] - posted;
        if (!armed || waitNanos <= TimeUnit.MILLISECONDS.toNanos(THRESHOLD_MILLIS)) {
            return;
        }
        long gc = gcMillis() - gcBefore;
        long edtQueueAfter = schedStat.edtRunQueueNanos();
        long cpuWaitMillis;
        String how;
        if (edtQueueBefore >= 0 && edtQueueAfter >= edtQueueBefore) {
            cpuWaitMillis = TimeUnit.NANOSECONDS.toMillis(edtQueueAfter - edtQueueBefore);
            how = "waiting for a CPU (its run-queue delay) and " + gc + " ms in garbage collection";
        } else {
            long controlRanAt = controlRan.get(); // 0: not run yet, the machine held it back longer than the event thread
            cpuWaitMillis = TimeUnit.NANOSECONDS.toMillis(controlRanAt == 0 ? waitNanos : Math.max(0, controlRanAt - posted));
            how = "of a control thread's scheduling delay and " + gc + " ms in garbage collection";
        }
        long waitMillis = TimeUnit.NANOSECONDS.toMillis(waitNanos);
        long excluded = cpuWaitMillis + gc;
        long own = waitMillis - excluded;
        if (own > THRESHOLD_MILLIS) {
            EventThreadStall stall = new EventThreadStall(own, waitMillis, excluded, how,
                    stuck != null ? stuck : new StackTraceElement[0]);
            stalls.add(stall);
            report.accept(stall);
        } else {
            LOG.log(Level.FINE, "a probe waited {0} ms, {1} ms of it the machine''s (not counted)",
                    new Object[] {waitMillis, excluded});
        }
    }

    /** The event thread as the previous probe found it (the watcher thread only). */
    private Thread lastEdt;

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
