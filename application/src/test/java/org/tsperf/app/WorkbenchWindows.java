package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.JDialog;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.netbeans.api.options.OptionsDisplayer;
import org.openide.filesystems.FileUtil;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The product's windows and Tools &gt; Options &gt; Performance tabs as a user finds them, with the platform's own
 * APIs (no JellyTools: the update-center tests run without classpath modules). Swing is touched on the event
 * thread only.
 */
final class WorkbenchWindows {

    private WorkbenchWindows() {
    }

    /** Whether Tools &gt; Options &gt; Performance has a tab registered with this id (its module is on). */
    static boolean performanceTab(String id) {
        return FileUtil.getConfigFile("OptionsDialog/Performance/" + id + ".instance") != null;
    }

    /** Whether an open window of that class comes from {@code module}'s class loader (the installed module's). */
    static boolean openedFrom(String windowClass, ClassLoader module) {
        return onEventThread(() -> TopComponent.getRegistry().getOpened().stream()
                .anyMatch(tc -> tc.getClass().getName().equals(windowClass)
                        && tc.getClass().getClassLoader() == module));
    }

    /** Whether Window &gt; {@code title}'s action is registered (its module is on). */
    static boolean windowAction(String actionFile) {
        return FileUtil.getConfigFile("Actions/Window/" + actionFile) != null;
    }

    /** Window &gt; ...: performs the module's open action ({@code Actions/Window/FILE}) and waits for the window. */
    static void open(String actionFile, String windowClass) {
        open(actionFile, windowClass, 30_000);
    }

    private static void open(String actionFile, String windowClass, long timeoutMillis) {
        Action a = FileUtil.getConfigObject("Actions/Window/" + actionFile, Action.class);
        if (a == null) {
            throw new AssertionError("no window action Actions/Window/" + actionFile + ": is its module on?");
        }
        onEventThread(() -> {
            a.actionPerformed(new ActionEvent(a, ActionEvent.ACTION_PERFORMED, "open"));
            return null;
        });
        try {
            Await.awaitWithin(() -> opened(windowClass), windowClass + " to open", timeoutMillis);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the action " + a + " from " + a.getClass().getClassLoader()
                    + "; windows open: " + onEventThread(() -> TopComponent.getRegistry().getOpened().stream()
                            .map(tc -> tc.getClass().getName() + "@" + tc.getClass().getClassLoader()).toList()), e);
        }
    }

    /**
     * Window &gt; ... right after its module was installed again: the window system reads the module's window layer
     * (modes, window references) after its actions are back, and was seen to close a window opened in that moment
     * (the reference says "closed"); a user clicks again, and so does this, until the window stays open (30 s).
     */
    static void openAfterInstall(String actionFile, String windowClass) {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                open(actionFile, windowClass, 5_000);
                if (staysOpen(windowClass, 2_000)) {
                    return;
                }
                if (System.currentTimeMillis() > until) {
                    throw new AssertionError(windowClass + " was closed again each time it was opened for 30 s");
                }
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > until) {
                    throw e;
                }
            }
        }
    }

    /** Whether the window is still open each time it is looked at (every 100 ms) for {@code millis}. */
    private static boolean staysOpen(String windowClass, long millis) {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (!opened(windowClass)) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return opened(windowClass);
    }

    /** The window the window system knows by {@code id}: its class's loader and whether it is open, for a message. */
    static String known(String id) {
        return onEventThread(() -> {
            TopComponent tc = WindowManager.getDefault().findTopComponent(id);
            return tc == null ? "no window " + id : tc.getClass().getName() + " from " + tc.getClass().getClassLoader()
                    + (tc.isOpened() ? ", open" : ", closed");
        });
    }

    /** A weak reference to the window the window system knows by {@code id} (null inside when there is none). */
    static java.lang.ref.Reference<Object> knownWeakly(String id) {
        return new java.lang.ref.WeakReference<>(onEventThread(() -> WindowManager.getDefault().findTopComponent(id)));
    }

    /** Whether a window of that class is open in the window system. */
    static boolean opened(String windowClass) {
        return onEventThread(() -> TopComponent.getRegistry().getOpened().stream()
                .anyMatch(tc -> tc.getClass().getName().equals(windowClass)));
    }

    /** Tools &gt; Options &gt; Performance opened, its tabs' titles read, the dialog cancelled. */
    static List<String> performanceTabs() {
        return performanceTabs(tabs -> true, "its tabs");
    }

    /**
     * Tools &gt; Options &gt; Performance opened until its tabs are as {@code wanted} (the dialog follows modules
     * arriving and leaving while it is open), then cancelled; fails with the tabs last seen.
     */
    static List<String> performanceTabs(java.util.function.Predicate<List<String>> wanted, String what) {
        onEventThread(() -> {
            OptionsDisplayer.getDefault().open("Performance");
            return null;
        });
        AtomicReference<List<String>> titles = new AtomicReference<>();
        try {
            await(() -> {
                titles.set(onEventThread(WorkbenchWindows::shownPerformanceTabs).orElse(null));
                return titles.get() != null && wanted.test(titles.get());
            }, "Tools > Options > Performance to show " + what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; tabs last seen: " + titles.get(), e);
        } finally {
            onEventThread(WorkbenchWindows::cancelOptions);
            await(() -> onEventThread(() -> optionsDialog().isEmpty()), "the Options dialog to close");
        }
        return titles.get();
    }

    private static Optional<List<String>> shownPerformanceTabs() {
        return optionsDialog().flatMap(d -> find(d, JTabbedPane.class)).map(tabs -> {
            List<String> t = new ArrayList<>();
            for (int i = 0; i < tabs.getTabCount(); i++) {
                t.add(tabs.getTitleAt(i));
            }
            return t;
        }).filter(t -> !t.isEmpty());
    }

    private static Object cancelOptions() {
        optionsDialog().ifPresent(d -> buttons(d).stream().filter(b -> "Cancel".equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("the Options dialog has no Cancel button")).doClick());
        return null;
    }

    private static Optional<JDialog> optionsDialog() {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing() && "Options".equals(d.getTitle())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static <T extends Component> Optional<T> find(Container c, Class<T> type) {
        for (Component child : c.getComponents()) {
            if (type.isInstance(child) && child.isShowing()) {
                return Optional.of(type.cast(child));
            }
            if (child instanceof Container inner) {
                Optional<T> found = find(inner, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static List<AbstractButton> buttons(Container c) {
        List<AbstractButton> all = new ArrayList<>();
        for (Component child : c.getComponents()) {
            if (child instanceof AbstractButton b) {
                all.add(b);
            }
            if (child instanceof Container inner) {
                all.addAll(buttons(inner));
            }
        }
        return all;
    }

    private static <T> T onEventThread(Supplier<T> work) {
        if (SwingUtilities.isEventDispatchThread()) {
            return work.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(work.get()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted on the event thread", ex);
        } catch (InvocationTargetException ex) {
            throw new AssertionError("failed on the event thread: " + ex.getCause(), ex.getCause());
        }
        return result.get();
    }
}
