package org.tsperf.app;

import java.awt.EventQueue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import junit.framework.AssertionFailedError;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jellytools.actions.Action;
import org.openide.windows.TopComponent;

/**
 * Opens a product window the editor's way, from the Window menu, and waits until it shows. On a loaded machine Jemmy's
 * push of a menu item is now and then lost (the menu closes before the item's click lands; seen once in CI: the
 * Timeline never opened); such a push changed nothing, so the menu is pushed again, and a window that still does not
 * open fails the test with the event thread's stack.
 */
final class WindowMenu {

    private static final Logger LOG = Logger.getLogger(WindowMenu.class.getName());
    private static final long PER_PUSH_MILLIS = 30_000;
    private static final int PUSHES = 4;

    private WindowMenu() {
    }

    /** Pushes Window &gt; {@code title} and returns the window once it shows. */
    static TopComponentOperator open(String title) {
        return open(title, title);
    }

    /** The same for a menu item whose window has another name. */
    static TopComponentOperator open(String menuItem, String windowName) {
        for (int push = 1; push <= PUSHES; push++) {
            new Action("Window|" + menuItem, null).performMenu();
            if (awaitShowing(windowName, PER_PUSH_MILLIS)) {
                return new TopComponentOperator(windowName);
            }
            LOG.warning(() -> "Window|" + menuItem + " showed no '" + windowName + "' window within "
                    + PER_PUSH_MILLIS / 1000 + " s; pushing it again. The event thread: " + eventThreadStack());
        }
        throw new AssertionFailedError("Window|" + menuItem + " pushed " + PUSHES + " times opened no '" + windowName
                + "' window; the event thread: " + eventThreadStack());
    }

    private static boolean awaitShowing(String name, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (showing(name)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted waiting for the " + name + " window");
            }
        }
        return false;
    }

    private static boolean showing(String name) {
        AtomicBoolean found = new AtomicBoolean();
        String wanted = name.toLowerCase(Locale.ROOT);
        Runnable look = () -> {
            for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
                String n = tc.getName();
                if (n != null && n.toLowerCase(Locale.ROOT).contains(wanted) && tc.isShowing()) {
                    found.set(true);
                }
            }
        };
        try {
            // invokeLater and a bounded wait, so a stalled event thread is reported instead of hanging the test
            CountDownLatch looked = new CountDownLatch(1);
            EventQueue.invokeLater(() -> {
                look.run();
                looked.countDown();
            });
            looked.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return found.get();
    }

    private static String eventThreadStack() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().startsWith("AWT-EventQueue")) {
                return e.getKey().getName() + " " + e.getKey().getState() + "\n\tat " + Arrays.stream(e.getValue())
                        .limit(40).map(String::valueOf).collect(Collectors.joining("\n\tat "));
            }
        }
        return "(no AWT-EventQueue thread)";
    }
}
