package org.tsperf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UI tests' event-thread guard can fail: a 300 ms block is reported, with the stack of what blocked. */
class EventThreadGuardTest {

    private final List<EventThreadGuard.EventThreadStall> reported = new CopyOnWriteArrayList<>();
    private final EventThreadGuard guard = new EventThreadGuard(reported::add);

    @BeforeEach
    void startGuard() {
        guard.start();
        guard.arm();
        awaitProbes(3);
    }

    @AfterEach
    void stopGuard() throws InterruptedException {
        guard.stop();
    }

    @Test
    void aBlockOf300MillisIsReportedWithTheStackThatBlocked() throws Exception {
        EventQueue.invokeAndWait(() -> blockTheEventThread(300));
        Await.await(() -> !reported.isEmpty(), "the guard to report the stall");
        EventThreadGuard.EventThreadStall stall = reported.get(0);
        // a sleep is waiting off the CPU: counted whatever the machine's load
        assertTrue(stall.getMessage().matches("the event thread (waited|stalled) \\d+ ms \\(over 200 ms\\).*"),
                stall.getMessage());
        assertTrue(Arrays.stream(stall.getStackTrace()).anyMatch(e -> e.getMethodName().equals("blockTheEventThread")),
                "the failure names what blocked: " + Arrays.toString(stall.getStackTrace()));
        assertEquals(stall, guard.stalls().get(0));
    }

    @Test
    void shortWorkOnTheEventThreadIsNotReported() throws Exception {
        for (int i = 0; i < 3; i++) {
            EventQueue.invokeAndWait(() -> blockTheEventThread(50));
        }
        awaitProbes(guard.probes() + 3); // the probes queued behind the work have run and been judged
        assertTrue(reported.isEmpty(), () -> "reported: " + reported.get(0).getMessage());
    }

    @Test
    void tellsThePlatformsStartupTasksAndTheDisplayServerFromProductWork() {
        StackTraceElement layout = frame("org.netbeans.core.windows.view.ui.MainWindow");
        StackTraceElement startupTask = frame("org.netbeans.core.windows.WindowManagerImpl$Exclusive$1");
        StackTraceElement lazyWindows = frame("org.netbeans.core.windows.LazyLoader$2");
        StackTraceElement productWindow = frame("org.tsperf.tasks.ui.BackgroundTasksTopComponent");
        StackTraceElement x11 = frame("sun.java2d.xr.XRBackendNative");
        assertTrue(EventThreadGuard.startupTask(new StackTraceElement[] {layout, startupTask}));
        assertTrue(EventThreadGuard.startupTask(new StackTraceElement[] {productWindow, lazyWindows}));
        assertFalse(EventThreadGuard.startupTask(new StackTraceElement[] {productWindow}));
        assertTrue(EventThreadGuard.startupTask(new StackTraceElement[] {frame("org.openide.awt.MenuBar$LazyMenu")}));
        assertTrue(EventThreadGuard.productCode(new StackTraceElement[] {layout, productWindow}));
        assertFalse(EventThreadGuard.productCode(new StackTraceElement[] {layout, startupTask}));
        assertTrue(EventThreadGuard.onDisplayConnection(new StackTraceElement[] {x11, productWindow}));
        assertFalse(EventThreadGuard.onDisplayConnection(new StackTraceElement[] {productWindow, x11}), "only the top");
        StackTraceElement park = new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, 1);
        StackTraceElement condition = new StackTraceElement(
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", "await", null, 1);
        StackTraceElement awtLock = new StackTraceElement("sun.awt.SunToolkit", "awtLockWait", null, 1);
        StackTraceElement sync = new StackTraceElement("sun.awt.X11.XToolkit", "syncNativeQueue", null, 1);
        assertTrue(EventThreadGuard.onDisplayConnection(new StackTraceElement[] {park, condition, awtLock, sync}),
                "parked for the AWT lock while the toolkit talks to the X server");
        StackTraceElement taskWait = new StackTraceElement("java.util.concurrent.FutureTask", "get", null, 1);
        assertFalse(EventThreadGuard.onDisplayConnection(new StackTraceElement[] {park, condition, taskWait,
            productWindow}), "parked for a task of its own");
        StackTraceElement latch = new StackTraceElement("java.util.concurrent.CountDownLatch", "await", null, 1);
        StackTraceElement momentarily = new StackTraceElement("org.netbeans.modules.progress.ui.RunOffEDTImpl",
                "waitMomentarily", null, 1);
        assertTrue(EventThreadGuard.offEventThreadByThePlatform(new StackTraceElement[] {park, latch, momentarily,
            productWindow}), "the progress API waiting for work it runs off the event thread");
        assertFalse(EventThreadGuard.offEventThreadByThePlatform(new StackTraceElement[] {park, latch, taskWait,
            productWindow, momentarily}), "only where it is the waiter");
    }

    @Test
    void aLockTheProductHoldsCountsOneOfTheJdkHeldOutsideTheProductDoesNot() throws Exception {
        StackTraceElement jemmy = frame("org.netbeans.jemmy.QueueTool");
        StackTraceElement toolkit = new StackTraceElement("java.awt.Toolkit", "addAWTEventListener", null, 1);
        StackTraceElement product = frame("org.tsperf.proxy.ProxyIndex");
        assertTrue(EventThreadGuard.heldOutsideTheProduct(new StackTraceElement[] {toolkit, jemmy},
                new StackTraceElement[] {toolkit, frame("sun.awt.X11.XToolkit")}));
        assertFalse(EventThreadGuard.heldOutsideTheProduct(new StackTraceElement[] {toolkit, jemmy},
                new StackTraceElement[] {product}), "the holder runs product code");
        assertFalse(EventThreadGuard.heldOutsideTheProduct(new StackTraceElement[] {toolkit, product},
                new StackTraceElement[] {jemmy}), "the product's code waits on the event thread");
        assertFalse(EventThreadGuard.heldOutsideTheProduct(new StackTraceElement[] {toolkit, jemmy}, null),
                "no holder known (a task, a sleep)");

        // for real: the event thread blocked on a monitor a thread of this (product) package holds is reported
        Object lock = new Object();
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (lock) {
                held.countDown();
                blockTheEventThread(400);
            }
        }, "lock-holder");
        holder.start();
        held.await();
        EventQueue.invokeAndWait(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
        holder.join();
        Await.await(() -> !reported.isEmpty(), "the guard to report the stall");
        assertTrue(reported.get(0).getMessage().matches("the event thread waited \\d+ ms \\(over 200 ms\\).*"),
                reported.get(0).getMessage());
    }

    private static StackTraceElement frame(String className) {
        return new StackTraceElement(className, "run", null, 1);
    }

    private void awaitProbes(long count) {
        Await.await(() -> guard.probes() >= count, "the guard's probes to run");
    }

    private static void blockTheEventThread(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis); // as a wait on a task or a file would
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
