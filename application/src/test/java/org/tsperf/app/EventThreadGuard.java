package org.tsperf.app;

import java.awt.EventQueue;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
 * <p>A loaded 2-core machine must not trip it. Linux accounts for each thread's time
 * ({@code /proc/self/task/TID/schedstat}, read by {@link SchedStat}): while a probe waits, the event thread is on a CPU,
 * ready but without one (the run queue), or off the CPU (blocked on a lock, waiting on a task, reading a file, asleep).
 * <ul>
 * <li>Time in the run queue and in garbage collection (a pause stops every thread) never counts: that is the machine's
 *     load, not the event thread's doing.</li>
 * <li>Waiting off the CPU over the threshold counts whatever the load (it is what the product must never do on the
 *     event thread) when the event thread was seen waiting at the threshold (BLOCKED, WAITING or TIMED_WAITING: a
 *     lock, a task, a sleep). Time off the CPU while it was RUNNABLE is the machine's (on these virtual machines
 *     stolen time and CPU quotas show neither as CPU nor as run queue), and so is a wait for the display server in
 *     the X11 pipeline (Xvfb is another process, itself waiting for a CPU on a loaded machine).</li>
 * <li>Work on the CPU over the threshold counts only when the machine had room: the event thread waited for a CPU
 *     less than a fifth of the probe's wait. On a busier machine CPU time itself stretches (shared cores and caches,
 *     a virtual machine's stolen time) and the cold JVM's first dialogs and windows would trip it.</li>
 * </ul>
 * Where schedstat cannot be read, the wait less a control thread's scheduling delay (probed at the same moment) and
 * the garbage collection counts. A wait that is not counted is logged (INFO, no failure) with its figures.
 *
 * <p>The platform's own startup is excluded, explicitly: before the main window shows (module system, window system,
 * first layout and paint) the guard is not armed (it arms when the window system reports the UI ready,
 * {@link WindowManager#invokeWhenUIReady}). After that the window system still runs its startup tasks (decorating the
 * main window and its status line, opening and lazily loading the last session's windows, building each menu of the
 * main menu the first time it opens) in a cold JVM: there, CPU
 * work (loading and compiling the classes of every window) is not judged, and waits off the CPU count only when
 * product code is on the stack ({@link #startupTask}, {@link #productCode}). The MapDB check
 * ({@code EventThread.checkOff}) covers the product's startup work whatever its length.
 */
final class EventThreadGuard {

    static final long THRESHOLD_MILLIS = 200;
    /**
     * Work on the CPU counts from 500 ms: the cold JVM's first paint of a window on a 2-core machine takes 200-300 ms
     * of CPU in the JDK itself (Marlin's renderer context, FlatLaf's first tab paint: seen in the suite), and the
     * guard must not flake. Waits off the CPU (locks, tasks, files, sleeps: what the product must never do there)
     * count from {@link #THRESHOLD_MILLIS}.
     */
    static final long CPU_THRESHOLD_MILLIS = 500;
    /**
     * A probe every 50 ms: finer would keep the event queue busy, and Jemmy waits for a quiet queue before it pushes a
     * menu. A stall is then seen at most 50 ms short.
     */
    private static final long PROBE_EVERY_MILLIS = 50;
    private static final Logger LOG = Logger.getLogger(EventThreadGuard.class.getName());
    private static EventThreadGuard suite;

    /** A stall: how long, what was not counted, and the event thread's stack while it was stuck. */
    static final class EventThreadStall extends AssertionError {
        private static final long serialVersionUID = 1L;

        EventThreadStall(String what, StackTraceElement[] edtStack) {
            super(what + ". The stack below is the event thread's while it was stuck.");
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
        // the probe shares no lock with this thread: holding one while this thread waits for a CPU (or reads the
        // event thread's stack) would block the event thread on the guard itself, a stall the guard made
        CountDownLatch done = new CountDownLatch(1);
        long gcBefore = gcMillis();
        long[] timesBefore = schedStat.edtTimes();
        long posted = System.nanoTime();
        EventQueue.invokeLater(() -> {
            edt[0] = Thread.currentThread();
            ran[0] = System.nanoTime();
            done.countDown(); // publishes both to the watcher
        });
        AtomicLong controlRan = new AtomicLong();
        controlProbes.add(controlRan);
        StackTraceElement[] stuck = null;
        Thread.State stuckState = null;
        ThreadInfo lockOwner = null; // the thread holding what the event thread waited for, where the JDK knows it
        Thread edtThread = lastEdt;
        while (!done.await(10, TimeUnit.MILLISECONDS)) {
            if (stuck == null && edtThread != null
                    && System.nanoTime() - posted > TimeUnit.MILLISECONDS.toNanos(THRESHOLD_MILLIS)) {
                // what holds it, taken while it holds it: stack and state of one moment
                ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(edtThread.getId(),
                        Integer.MAX_VALUE);
                if (info != null) {
                    stuck = info.getStackTrace();
                    stuckState = info.getThreadState();
                    lockOwner = info.getLockOwnerId() < 0 ? null
                            : ManagementFactory.getThreadMXBean().getThreadInfo(info.getLockOwnerId(),
                                    Integer.MAX_VALUE);
                }
            }
            if (stopped) {
                return;
            }
        }
        lastEdt = edt[0];
        probes.incrementAndGet();
        long waitMillis = TimeUnit.NANOSECONDS.toMillis(ran[0] - posted);
        if (!armed || waitMillis <= THRESHOLD_MILLIS) {
            return;
        }
        long gc = gcMillis() - gcBefore;
        long[] timesAfter = schedStat.edtTimes();
        String verdict = timesBefore != null && timesAfter != null
                ? judgeFromSchedStat(waitMillis, gc, timesBefore, timesAfter, stuck, stuckState, lockOwner)
                : judgeFromControl(waitMillis, gc, controlRan.get(), posted);
        if (verdict.startsWith(STALL)) {
            EventThreadStall stall = new EventThreadStall(verdict.substring(STALL.length()),
                    stuck != null ? stuck : new StackTraceElement[0]);
            stalls.add(stall);
            report.accept(stall);
        } else {
            LOG.log(Level.INFO, "not counted as a stall of the event thread: {0}", verdict);
        }
    }

    private static final String STALL = "stall: ";
    /**
     * The platform's deferred startup work: the window system's queue of work for after "UI ready" (decorating the main
     * window and its status line, opening the last session's windows), the lazy loading of those windows, and the main
     * menu's lazy first build (a menu opened the first time waits on the event thread for its folder's actions).
     */
    private static final List<String> STARTUP_TASKS = List.of("org.netbeans.core.windows.WindowManagerImpl$Exclusive",
            "org.netbeans.core.windows.LazyLoader", "org.openide.awt.MenuBar$LazyMenu");
    /** The X11 drawing pipeline: a call there waits for the display server, another process. */
    private static final List<String> DISPLAY_CONNECTION = List.of("sun.java2d.xr.", "sun.java2d.x11.", "sun.awt.X11.");
    private static final String PRODUCT = "org.tsperf.";

    /** Whether the event thread ran one of the window system's startup tasks (the platform's own startup). */
    static boolean startupTask(StackTraceElement[] stack) {
        return stack != null && java.util.Arrays.stream(stack)
                .anyMatch(e -> STARTUP_TASKS.stream().anyMatch(e.getClassName()::startsWith));
    }

    /** Whether product code was on the event thread's stack. */
    static boolean productCode(StackTraceElement[] stack) {
        return stack != null && java.util.Arrays.stream(stack).anyMatch(e -> e.getClassName().startsWith(PRODUCT));
    }

    /** The JDK's parking and locking frames, above the frame that says what a thread waits for. */
    private static final List<String> PARKING = List.of("jdk.internal.misc.Unsafe", "java.util.concurrent.locks.",
            "java.util.concurrent.ForkJoinPool", "java.lang.Object");

    /**
     * Whether the event thread waited in the progress API's deliberate wait for work it put off the event thread
     * ({@code ProgressUtils.runOffEventDispatchThread}: it waits a moment, then shows a wait cursor and later a
     * progress dialog). Tools &gt; Options does this when it opens and on every change of a tab's help (each tab
     * switch), to read the help off the event thread; seen 315-544 ms on a machine at load 10, with as much CPU wait.
     * The work itself runs off the event thread, which is what the guard is for.
     */
    static boolean offEventThreadByThePlatform(StackTraceElement[] stack) {
        if (stack == null) {
            return false;
        }
        for (StackTraceElement e : stack) {
            if (PARKING.stream().anyMatch(e.getClassName()::startsWith)
                    || e.getClassName().startsWith("java.util.concurrent.")) {
                continue; // the latch it waits on
            }
            return e.getClassName().equals("org.netbeans.modules.progress.ui.RunOffEDTImpl")
                    && e.getMethodName().equals("waitMomentarily");
        }
        return false;
    }

    /**
     * Whether the event thread, outside the product's code, waited for a lock of the JDK or the platform that another
     * thread held, outside the product's code too (seen: the Toolkit's monitor while Jemmy pressed a menu at load 10):
     * that thread was waiting for a CPU, the machine's load. A lock the product's code holds, or takes, counts.
     */
    static boolean heldOutsideTheProduct(StackTraceElement[] waiter, StackTraceElement[] owner) {
        return waiter != null && owner != null && !productCode(waiter) && !productCode(owner);
    }

    /**
     * Whether the event thread waited for the display server (an X11 round trip), not for something of its own: the
     * first frame below the JDK's parking frames is in the X11 pipeline, or waits for the AWT lock, which the toolkit
     * thread holds while it talks to the X server ({@code SunToolkit.awtLockWait} under {@code syncNativeQueue}).
     */
    static boolean onDisplayConnection(StackTraceElement[] stack) {
        if (stack == null) {
            return false;
        }
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (PARKING.stream().anyMatch(c::startsWith)) {
                continue;
            }
            return DISPLAY_CONNECTION.stream().anyMatch(c::startsWith)
                    || c.equals("sun.awt.SunToolkit") && e.getMethodName().startsWith("awtLock");
        }
        return false;
    }

    /**
     * With Linux's account of the event thread. Waiting off the CPU (on a lock, a task, a file, a sleep) counts
     * whatever the load, except a wait for the display server (Xvfb is another process, itself waiting for a CPU on a
     * loaded machine) and the platform's own waits in its startup tasks. Work on the CPU counts only when the event
     * thread had the CPU longer than it waited for one (on a saturated machine CPU time stretches: shared cores and
     * caches, a virtual machine's stolen time) and not in the window system's startup tasks, where the cold JVM loads
     * and compiles the classes of every window it opens.
     */
    private static String judgeFromSchedStat(long waitMillis, long gc, long[] before, long[] after,
            StackTraceElement[] stack, Thread.State state, ThreadInfo lockOwner) {
        long cpu = TimeUnit.NANOSECONDS.toMillis(after[0] - before[0]);
        long runQueue = TimeUnit.NANOSECONDS.toMillis(after[1] - before[1]);
        long offCpu = Math.max(0, waitMillis - cpu - runQueue - gc);
        // the machine had room: the event thread waited for a CPU less than a fifth of the probe's wait
        boolean machineHadRoom = runQueue * 5 < waitMillis;
        boolean startup = startupTask(stack);
        String figures = String.format(java.util.Locale.ROOT, "a probe waited %d ms: the event thread worked %d ms on a"
                + " CPU and waited %d ms off it (a lock, a task, a file, a sleep); not counted: %d ms waiting for a CPU"
                + " and %d ms of garbage collection", waitMillis, cpu, offCpu, runQueue, gc);
        boolean seenWaiting = state == Thread.State.BLOCKED || state == Thread.State.WAITING
                || state == Thread.State.TIMED_WAITING;
        boolean heldOutsideProduct = lockOwner != null
                && heldOutsideTheProduct(stack, lockOwner.getStackTrace());
        if (offCpu > THRESHOLD_MILLIS && seenWaiting && !onDisplayConnection(stack) && !offEventThreadByThePlatform(stack)
                && !heldOutsideProduct && (!startup || productCode(stack))) {
            return STALL + "the event thread waited " + offCpu + " ms (over " + THRESHOLD_MILLIS + " ms): " + figures;
        }
        if (cpu > CPU_THRESHOLD_MILLIS && machineHadRoom && !startup) {
            return STALL + "the event thread worked " + cpu + " ms (over " + CPU_THRESHOLD_MILLIS + " ms): " + figures;
        }
        return figures + (offCpu > THRESHOLD_MILLIS ? (!seenWaiting ? "; it was seen " + state + ", not waiting: the"
                + " time off the CPU was the machine's (a virtual machine's stolen time, a CPU quota)"
                : onDisplayConnection(stack) ? "; its wait was for the display server"
                : offEventThreadByThePlatform(stack) ? "; its wait was the progress API's for work off the event thread"
                : heldOutsideProduct ? "; it waited for a lock that thread " + lockOwner.getThreadName()
                        + " held outside the product's code"
                : "; its wait was the platform's startup") : "")
                + (cpu > THRESHOLD_MILLIS ? (startup ? "; its CPU time was the window system's startup"
                : "; its CPU time is not judged on a saturated machine") : "");
    }

    /** Without it: the wait less a control thread's scheduling delay and the garbage collection. */
    private static String judgeFromControl(long waitMillis, long gc, long controlRanAt, long posted) {
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
        // 0: not run yet, the machine held it back at least as long as the event thread
        long control = TimeUnit.NANOSECONDS.toMillis(controlRanAt == 0 ? waitNanos : Math.max(0, controlRanAt - posted));
        long own = waitMillis - control - gc;
        String figures = String.format(java.util.Locale.ROOT, "a probe waited %d ms; not counted: %d ms a control"
                + " thread waited to run and %d ms of garbage collection", waitMillis, control, gc);
        return own > THRESHOLD_MILLIS
                ? STALL + "the event thread stalled " + own + " ms (over " + THRESHOLD_MILLIS + " ms): " + figures
                : figures;
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
