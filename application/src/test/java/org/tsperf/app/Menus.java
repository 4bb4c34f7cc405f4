package org.tsperf.app;

import java.awt.EventQueue;
import java.awt.Window;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import junit.framework.AssertionFailedError;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jellytools.actions.Action;
import org.netbeans.jellytools.actions.ActionNoBlock;
import org.netbeans.jemmy.ComponentChooser;
import org.netbeans.jemmy.operators.ContainerOperator;
import org.openide.windows.TopComponent;

/**
 * Menu commands pushed the editor's way, each until its effect shows. On a loaded machine Jemmy's push of a menu item
 * is now and then lost: the menu closes (a window taking the focus) before the item's click lands, and nothing
 * happens, with no error (seen once in CI: Window &gt; Timeline opened nothing). A push whose effect has not shown
 * after {@value #PER_PUSH_MILLIS} ms changed nothing, so it is pushed again; an effect that never shows fails the test
 * with the event thread's stack. A push that did act, only late, is not hidden: its second run changes the state
 * again, which the test's own checks then see.
 */
final class Menus {

    private static final Logger LOG = Logger.getLogger(Menus.class.getName());
    private static final long PER_PUSH_MILLIS = 30_000;
    private static final int PUSHES = 4;

    private Menus() {
    }

    /** Pushes Window &gt; {@code title} and returns the window once it shows. */
    static TopComponentOperator openWindow(String title) {
        push("Window|" + title, () -> onEventThread(() -> showing(title)), "a '" + title + "' window to show");
        return new TopComponentOperator(title);
    }

    /** Pushes the menu item at {@code path} (as "Edit|Undo") until {@code effect} holds. */
    static void push(String path, BooleanSupplier effect, String what) {
        pushUntil(() -> new Action(path, null).performMenu(), path, effect, what);
    }

    /** Pushes a menu item that opens a file chooser (File &gt; Open Media...) until one shows; does not wait on it. */
    static void pushForFileChooser(String path) {
        pushUntil(() -> new ActionNoBlock(path, null).performMenu(), path,
                () -> onEventThread(Menus::fileChooserShowing), "a file chooser to show");
    }

    private static void pushUntil(Runnable push, String path, BooleanSupplier effect, String what) {
        for (int n = 1; n <= PUSHES; n++) {
            push.run();
            if (await(effect, PER_PUSH_MILLIS)) {
                return;
            }
            LOG.warning(() -> path + " pushed: no sign of " + what + " within " + PER_PUSH_MILLIS / 1000
                    + " s; pushing it again. The event thread: " + eventThreadStack());
        }
        throw new AssertionFailedError(path + " pushed " + PUSHES + " times: no sign of " + what
                + "; the event thread: " + eventThreadStack());
    }

    private static boolean await(BooleanSupplier condition, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted waiting after a menu push");
            }
        }
        return false;
    }

    /** Event thread: an opened window named so (as Jemmy matches names: a part, any case) that shows. */
    private static boolean showing(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (TopComponent tc : TopComponent.getRegistry().getOpened()) {
            String n = tc.getName();
            if (n != null && n.toLowerCase(Locale.ROOT).contains(wanted) && tc.isShowing()) {
                return true;
            }
        }
        return false;
    }

    /** Event thread: a dialog holding a file chooser shows. */
    private static boolean fileChooserShowing() {
        ComponentChooser chooser = new ComponentChooser() {
            @Override
            public boolean checkComponent(java.awt.Component c) {
                return c instanceof JFileChooser && c.isShowing();
            }

            @Override
            public String getDescription() {
                return "a showing file chooser";
            }
        };
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog && w.isShowing()
                    && ContainerOperator.findComponent(w, chooser) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code check} on the event thread and waits for it at most a second: a stalled event thread counts as "not
     * yet" and is reported by the caller, instead of hanging the test.
     */
    private static boolean onEventThread(Supplier<Boolean> check) {
        AtomicBoolean result = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        EventQueue.invokeLater(() -> {
            result.set(check.get());
            done.countDown();
        });
        try {
            return done.await(1, TimeUnit.SECONDS) && result.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted waiting for the event thread");
        }
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
