package org.tsperf.proxy.ui;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import javax.swing.JComponent;
import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;

/** Tools &gt; Options &gt; Performance &gt; Proxies (the category is the ui-support module's). */
@OptionsPanelController.SubRegistration(location = "Performance", id = "Proxies",
        displayName = "#OptionsCategory_Name_Proxies", keywords = "#OptionsCategory_Keywords_Proxies",
        keywordsCategory = "Performance/Proxies", position = 100)
@Messages({
    "OptionsCategory_Name_Proxies=Proxies",
    "OptionsCategory_Keywords_Proxies=proxy proxies resolution codec h264 prores storage cache cleanup"
})
public final class ProxyOptionsPanelController extends OptionsPanelController {

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private ProxyOptionsPanel panel;
    private boolean changed;

    @Override
    public void update() {
        panel().load();
        changed = false;
    }

    @Override
    public void applyChanges() {
        panel().store();
        changed = false;
    }

    @Override
    public void cancel() {
        // nothing is applied before OK
    }

    @Override
    public boolean isValid() {
        return panel().problem().isEmpty();
    }

    @Override
    public boolean isChanged() {
        return changed;
    }

    @Override
    public JComponent getComponent(Lookup masterLookup) {
        return panel();
    }

    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.proxies.options"); // the Options dialog's Help button: the user guide's page
    }

    @Override
    public void addPropertyChangeListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
    }

    @Override
    public void removePropertyChangeListener(PropertyChangeListener l) {
        changes.removePropertyChangeListener(l);
    }

    void changed() {
        if (!changed) {
            changed = true;
            changes.firePropertyChange(OptionsPanelController.PROP_CHANGED, false, true);
        }
        changes.firePropertyChange(OptionsPanelController.PROP_VALID, null, null);
    }

    private ProxyOptionsPanel panel() {
        if (panel == null) {
            panel = new ProxyOptionsPanel(this);
        }
        return panel;
    }
}
