package org.tsperf.memory.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.awt.ActionRegistration;
import org.openide.awt.StatusDisplayer;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.util.ByteSizes;

/**
 * Tools &gt; Free Unused Memory (Ctrl+Shift+F9), the command behind the Memory Manager's "Free unused" button: takes
 * back idle buffers and gives the pools' free buffers back to the system. Reports in the status bar.
 */
@ActionID(category = "Tools", id = "org.tsperf.memory.ui.FreeUnusedMemoryAction")
@ActionRegistration(displayName = "#CTL_FreeUnusedMemoryAction", asynchronous = true)
@ActionReferences({
    @ActionReference(path = "Menu/Tools", position = 1350),
    @ActionReference(path = "Shortcuts", name = "DS-F9")
})
@Messages({
    "CTL_FreeUnusedMemoryAction=Free Unused Memory",
    "MSG_NoMemoryManager=The memory manager is not installed",
    "# {0} - what was freed, e.g. 1.5 MiB",
    "MSG_Freed=Freed {0}",
    "# {0} - why",
    "MSG_FreeFailed=Failed: {0}"
})
public final class FreeUnusedMemoryAction implements ActionListener {

    private static final Logger LOG = Logger.getLogger(FreeUnusedMemoryAction.class.getName());

    @Override
    public void actionPerformed(ActionEvent e) {
        freeUnused().thenAccept(StatusDisplayer.getDefault()::setStatusText);
    }

    /**
     * Frees off the event thread.
     *
     * @return completes with what to tell the user
     */
    static CompletableFuture<String> freeUnused() {
        MemoryManager m = Lookup.getDefault().lookup(MemoryManager.class);
        if (m == null) {
            return CompletableFuture.completedFuture(Bundle.MSG_NoMemoryManager());
        }
        return CompletableFuture.supplyAsync(m::freeUnused).handle((bytes, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "freeing unused buffers failed", error);
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                return Bundle.MSG_FreeFailed(cause.getMessage());
            }
            return Bundle.MSG_Freed(ByteSizes.format(bytes));
        });
    }
}
