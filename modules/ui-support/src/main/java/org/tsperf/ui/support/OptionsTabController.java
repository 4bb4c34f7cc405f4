package org.tsperf.ui.support;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import javax.swing.JComponent;
import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;

/**
 * The controller of one tab of Tools &gt; Options &gt; Performance: the dialog's OK stays disabled while the tab's
 * {@link OptionsTab#problem} is not empty; nothing is saved before OK.
 */
public abstract class OptionsTabController extends OptionsPanelController {

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private OptionsTab tab;
    private boolean changed;
    private boolean loading;

    /** Makes the tab, once, on the event thread. */
    protected abstract OptionsTab createTab();

    /** The tab; made at the first call. */
    protected final OptionsTab tab() {
        if (tab == null) {
            tab = createTab();
        }
        return tab;
    }

    @Override
    public void update() {
        loading = true;
        try {
            tab().load();
        } finally {
            loading = false;
        }
        changed = false;
        tab().problem();
    }

    @Override
    public void applyChanges() {
        if (changed && tab().problem().isEmpty()) {
            tab().store();
        }
        changed = false;
    }

    @Override
    public void cancel() {
        // nothing is applied before OK
    }

    @Override
    public boolean isValid() {
        return tab().problem().isEmpty();
    }

    @Override
    public boolean isChanged() {
        return changed;
    }

    @Override
    public JComponent getComponent(Lookup masterLookup) {
        return tab().component();
    }

    @Override
    public HelpCtx getHelpCtx() {
        return HelpCtx.DEFAULT_HELP;
    }

    @Override
    public void addPropertyChangeListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
    }

    @Override
    public void removePropertyChangeListener(PropertyChangeListener l) {
        changes.removePropertyChangeListener(l);
    }

    /** The tab's fields changed: the dialog asks again whether it may be saved. Ignored while loading. */
    public final void changed() {
        if (loading) {
            return;
        }
        if (!changed) {
            changed = true;
            changes.firePropertyChange(OptionsPanelController.PROP_CHANGED, false, true);
        }
        changes.firePropertyChange(OptionsPanelController.PROP_VALID, null, null);
    }
}
