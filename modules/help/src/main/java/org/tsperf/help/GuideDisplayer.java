package org.tsperf.help;

import java.awt.EventQueue;
import java.net.URL;
import org.openide.util.HelpCtx;
import org.openide.util.lookup.ServiceProvider;

/**
 * Shows help in the guide's window: {@code HelpCtx.display()}, which the Help buttons of the platform's dialogs (Tools
 * &gt; Options, Tools &gt; Plugins), Help &gt; User Guide and F1 call, ends here. Any help ID is answered: an ID the
 * guide does not know opens its first page. May be called from any thread; the window is used on the event thread.
 */
@ServiceProvider(service = HelpCtx.Displayer.class, position = 100)
public final class GuideDisplayer implements HelpCtx.Displayer {

    private final Guide guide = new Guide();
    /** Event thread only. */
    private GuideWindow window;

    @Override
    public boolean display(HelpCtx help) {
        URL page = help != null && help.getHelpID() == null && help.getHelp() != null && guide.contains(help.getHelp())
                ? help.getHelp() : guide.url(help == null ? null : help.getHelpID());
        if (EventQueue.isDispatchThread()) {
            window().show(page);
        } else {
            EventQueue.invokeLater(() -> window().show(page));
        }
        return true;
    }

    /** Closes the window (the module is switched off or the application exits). */
    void close() {
        Runnable close = () -> {
            if (window != null) {
                window.dispose();
                window = null;
            }
        };
        if (EventQueue.isDispatchThread()) {
            close.run();
        } else {
            EventQueue.invokeLater(close);
        }
    }

    private GuideWindow window() {
        if (window == null) {
            window = new GuideWindow(guide);
        }
        return window;
    }
}
