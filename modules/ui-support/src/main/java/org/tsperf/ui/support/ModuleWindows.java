package org.tsperf.ui.support;

import java.awt.EventQueue;
import java.awt.event.MouseEvent;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JPanel;
import javax.swing.ToolTipManager;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Windows of feature modules, which a user removes and adds back at runtime (Tools &gt; Plugins): opening the
 * installed module's own window, and letting a closed one go with its module.
 */
public final class ModuleWindows {

    private static final Logger LOG = Logger.getLogger(ModuleWindows.class.getName());

    private ModuleWindows() {
    }

    /**
     * Window &gt; ...: opens and activates this module's window. The window system knows windows by their ID; after
     * the module was uninstalled and installed again it may still hand out the old module's closed window by that ID
     * (until the garbage collector has taken it) and that one does not open: the platform's own open action then
     * opened nothing. So the window is the one known by {@code id} only when it is of this module's {@code type},
     * else this module's window already open, else a new one; and a new one again when the window system does not
     * open the one it knew. Event thread.
     */
    public static <T extends TopComponent> T open(String id, Class<T> type, Supplier<T> create) {
        if (!EventQueue.isDispatchThread()) {
            throw new IllegalStateException("windows open on the event thread");
        }
        T window = null;
        TopComponent known = WindowManager.getDefault().findTopComponent(id);
        if (type.isInstance(known)) {
            window = type.cast(known);
        } else {
            for (TopComponent opened : TopComponent.getRegistry().getOpened()) {
                if (type.isInstance(opened)) {
                    window = type.cast(opened);
                }
            }
        }
        if (window == null) {
            window = create.get();
        }
        window.open();
        if (!window.isOpened()) {
            // after a reinstall the window system was seen to make the installed module's window from its settings
            // and then not open it under that ID: a new one (it gets an ID of its own) does open
            LOG.log(Level.FINE, "the window {0} did not open; a new one is opened", id);
            window = create.get();
            window.open();
        }
        window.requestActive();
        return window;
    }

    /**
     * To call from {@code componentClosed}: Swing's shared {@link ToolTipManager} keeps the last component the mouse
     * entered that has a tooltip until the mouse enters another one, and with it the window and its module's class
     * loader. A heap dump after the Proxy Manager module was uninstalled showed its closed window held only that
     * way (its table's mouse listener). A mouse-exit clears that reference; a tooltip showing now is hidden.
     */
    public static void releaseToolTip() {
        ToolTipManager.sharedInstance().mouseExited(
                new MouseEvent(new JPanel(), MouseEvent.MOUSE_EXITED, System.currentTimeMillis(), 0, 0, 0, 0, false));
    }
}
