package org.tsperf.tasks.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.lang.reflect.Proxy;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenuItem;
import org.junit.jupiter.api.Test;
import org.tsperf.api.tasks.TaskService;

class PauseBackgroundTasksActionTest {

    private final AtomicBoolean paused = new AtomicBoolean();
    /** Whether each call to the service came on the event thread. */
    private final CopyOnWriteArrayList<Boolean> onEventThread = new CopyOnWriteArrayList<>();
    private final TaskService service = (TaskService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {TaskService.class}, (proxy, method, args) -> {
                onEventThread.add(EventQueue.isDispatchThread());
                switch (method.getName()) {
                    case "setPaused":
                        paused.set((Boolean) args[0]);
                        return null;
                    case "isPaused":
                        return paused.get();
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });

    @Test
    void pausesAndResumesTheServiceOffTheEventThread() throws Exception {
        PauseBackgroundTasksAction action = new PauseBackgroundTasksAction(() -> service);
        assertTrue(action.setPaused(true).get(10, TimeUnit.SECONDS));
        assertTrue(paused.get(), "the service is paused");
        assertTrue(onEventThread(action::isPaused), "the menu shows it");
        assertFalse(action.setPaused(false).get(10, TimeUnit.SECONDS));
        assertFalse(paused.get(), "the service is resumed");
        assertFalse(onEventThread(action::isPaused), "the menu shows it");
        assertFalse(onEventThread.isEmpty());
        assertFalse(onEventThread.contains(Boolean.TRUE), "no call to the service on the event thread");
    }

    @Test
    void showsAPauseMadeInTheWindow() throws Exception {
        PauseBackgroundTasksAction action = new PauseBackgroundTasksAction(() -> service);
        service.setPaused(true); // the Background Tasks window's switch
        assertTrue(action.refresh().get(10, TimeUnit.SECONDS));
        assertTrue(onEventThread(action::isPaused));
        service.setPaused(false);
        assertFalse(action.refresh().get(10, TimeUnit.SECONDS));
        assertFalse(onEventThread(action::isPaused));
    }

    @Test
    void theMenuItemIsACheckBoxThatPausesAndResumes() throws Exception {
        PauseBackgroundTasksAction action = new PauseBackgroundTasksAction(() -> service);
        JMenuItem item = onEventThread(action::getMenuPresenter);
        assertTrue(item instanceof JCheckBoxMenuItem, item.getClass().getName());
        assertEquals("Pause Background Tasks", item.getText());
        EventQueue.invokeAndWait(item::doClick);
        await(paused::get, "the click to pause the service");
        assertTrue(onEventThread(item::isSelected));
        EventQueue.invokeAndWait(item::doClick);
        await(() -> !paused.get(), "a second click to resume it");
        assertFalse(onEventThread(item::isSelected));
    }

    /** The window paused and resumed the service; the menu opens with the old check mark before its refresh. */
    @Test
    void aClickOnAStaleCheckMarkStillToggledTheServiceAsItIs() throws Exception {
        PauseBackgroundTasksAction action = new PauseBackgroundTasksAction(() -> service);
        JMenuItem item = onEventThread(action::getMenuPresenter);
        EventQueue.invokeAndWait(() -> action.putValue(javax.swing.Action.SELECTED_KEY, Boolean.TRUE));
        assertFalse(paused.get(), "the service runs, the item says paused");
        EventQueue.invokeAndWait(item::doClick);
        await(paused::get, "the click to pause the running service");
        await(() -> {
            try {
                return onEventThread(item::isSelected);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }, "the item to show the pause");
    }

    @Test
    void withoutTheServiceItShowsNotPaused() throws Exception {
        PauseBackgroundTasksAction action = new PauseBackgroundTasksAction(() -> null);
        assertFalse(action.setPaused(true).get(10, TimeUnit.SECONDS));
        assertFalse(onEventThread(action::isPaused));
    }

    private static <T> T onEventThread(java.util.function.Supplier<T> s) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> r.set(s.get()));
        return r.get();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10); // polling towards a deadline
        }
        assertNotNull(what);
    }
}
