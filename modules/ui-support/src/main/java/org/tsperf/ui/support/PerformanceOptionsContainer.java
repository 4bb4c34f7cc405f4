package org.tsperf.ui.support;

import java.awt.EventQueue;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.event.ChangeListener;
import org.netbeans.spi.options.OptionsPanelController;
import org.openide.filesystems.FileAttributeEvent;
import org.openide.filesystems.FileChangeAdapter;
import org.openide.filesystems.FileChangeListener;
import org.openide.filesystems.FileEvent;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileRenameEvent;
import org.openide.filesystems.FileUtil;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle;
import org.openide.util.lookup.ProxyLookup;

/**
 * Tools &gt; Options &gt; Performance: one tab per registration under {@code OptionsDialog/Performance}
 * ({@code @OptionsPanelController.SubRegistration(location = "Performance")} in the feature modules), rebuilt from
 * that folder whenever a module comes or goes, also while the dialog is open.
 *
 * <p>Why not the platform's container ({@code ContainerRegistration}): its {@code TabbedController} never forgets a
 * tab once read, so after a module was uninstalled an Options dialog built before kept the tab and, when it was
 * shown, asked the gone registration for its controller and logged {@code SEVERE ... got no controller}. Here a tab
 * whose registration went is dropped with its controller (and so with the module's class loader), and a controller
 * is only ever read from a registration that is still there. Event thread, as every options controller.
 */
@OptionsPanelController.TopLevelRegistration(id = PerformanceOptionsContainer.FOLDER_NAME,
        categoryName = "#OptionsCategory_Name_Performance", iconBase = "org/tsperf/ui/support/performance32.png",
        keywords = "#OptionsCategory_Keywords_Performance", keywordsCategory = "Performance", position = 900)
@NbBundle.Messages({
    "OptionsCategory_Name_Performance=Performance",
    "OptionsCategory_Keywords_Performance=performance proxies cache memory gpu background tasks workers"
})
public final class PerformanceOptionsContainer extends OptionsPanelController {

    static final String FOLDER_NAME = "Performance";
    private static final String FOLDER = "OptionsDialog/" + FOLDER_NAME;
    private static final Logger LOG = Logger.getLogger(PerformanceOptionsContainer.class.getName());

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    /** Controllers of the tabs shown so far, by registration name ("Proxies"), in the folder's order. */
    private final Map<String, OptionsPanelController> controllers = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>()); // the dialog reads the help off the event thread
    private final ChangeListener tabSwitched = e -> showSelected();
    private final FileChangeListener registrationsChanged = new FileChangeAdapter() {
        @Override
        public void fileDataCreated(FileEvent fe) {
            later();
        }

        @Override
        public void fileDeleted(FileEvent fe) {
            later();
        }

        @Override
        public void fileRenamed(FileRenameEvent fe) {
            later();
        }

        @Override
        public void fileAttributeChanged(FileAttributeEvent fe) {
            later(); // the folder's order
        }

        private void later() {
            EventQueue.invokeLater(PerformanceOptionsContainer.this::rebuild);
        }
    };
    private JTabbedPane pane;
    /**
     * The selected tab's help, kept on the event thread: the dialog asks for it off the event thread (while the event
     * thread waits, and may pump events), where the tabs must not be read.
     */
    private volatile HelpCtx help = HelpCtx.DEFAULT_HELP;
    private Lookup masterLookup = Lookup.EMPTY;
    private FileObject listened;

    @Override
    public JComponent getComponent(Lookup masterLookup) {
        if (pane == null) {
            this.masterLookup = masterLookup;
            pane = new JTabbedPane();
            listen();
            rebuild();
        }
        return pane;
    }

    @Override
    public void update() {
        for (OptionsPanelController c : shown()) {
            c.update();
        }
    }

    @Override
    public void applyChanges() {
        for (OptionsPanelController c : shown()) {
            c.applyChanges();
        }
    }

    @Override
    public void cancel() {
        for (OptionsPanelController c : shown()) {
            c.cancel();
        }
    }

    @Override
    public boolean isValid() {
        for (OptionsPanelController c : shown()) {
            if (c.isChanged() && !c.isValid()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isChanged() {
        for (OptionsPanelController c : shown()) {
            if (c.isChanged()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public HelpCtx getHelpCtx() {
        return help;
    }

    @Override
    public Lookup getLookup() {
        List<Lookup> lookups = new ArrayList<>();
        for (OptionsPanelController c : shown()) {
            lookups.add(c.getLookup());
        }
        return lookups.isEmpty() ? Lookup.EMPTY : new ProxyLookup(lookups.toArray(Lookup[]::new));
    }

    @Override
    public void addPropertyChangeListener(PropertyChangeListener l) {
        changes.addPropertyChangeListener(l);
        for (OptionsPanelController c : shown()) {
            c.addPropertyChangeListener(l);
        }
    }

    @Override
    public void removePropertyChangeListener(PropertyChangeListener l) {
        changes.removePropertyChangeListener(l);
        for (OptionsPanelController c : shown()) {
            c.removePropertyChangeListener(l);
        }
    }

    /** {@code OptionsDisplayer.open("Performance/Proxies")}: selects that tab. */
    @Override
    protected void setCurrentSubcategory(String path) {
        String name = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (pane == null) {
            return;
        }
        for (int i = 0; i < pane.getTabCount(); i++) {
            if (name.equals(nameAt(i))) {
                pane.setSelectedIndex(i);
                return;
            }
        }
        LOG.log(Level.INFO, "Tools > Options > Performance has no tab {0} (its module is not installed)", name);
    }

    private List<OptionsPanelController> shown() {
        synchronized (controllers) {
            return List.copyOf(controllers.values());
        }
    }

    private void listen() {
        FileObject folder = FileUtil.getConfigFile(FOLDER);
        if (folder == null) {
            // no tab yet: listen on the parent for the folder to appear with the first module
            folder = FileUtil.getConfigFile("OptionsDialog");
        }
        if (folder != null && folder != listened) {
            if (listened != null) {
                listened.removeFileChangeListener(registrationsChanged);
            }
            listened = folder;
            folder.addFileChangeListener(registrationsChanged);
        }
    }

    /** The registrations now in the folder, by name, in the folder's order. */
    private static Map<String, FileObject> registrations() {
        Map<String, FileObject> found = new LinkedHashMap<>();
        FileObject folder = FileUtil.getConfigFile(FOLDER);
        if (folder != null) {
            for (FileObject f : FileUtil.getOrder(Arrays.asList(folder.getChildren()), false)) {
                if (f.isData() && "instance".equals(f.getExt())) {
                    found.put(f.getName(), f);
                }
            }
        }
        return found;
    }

    /** The tabs as the folder has them now; the selection and the controllers of tabs still there are kept. */
    private void rebuild() {
        if (pane == null) {
            return;
        }
        listen();
        String selected = selectedName();
        Map<String, FileObject> now = registrations();
        for (String gone : List.copyOf(controllers.keySet())) {
            if (!now.containsKey(gone)) {
                OptionsPanelController c = controllers.remove(gone);
                for (PropertyChangeListener l : changes.getPropertyChangeListeners()) {
                    c.removePropertyChangeListener(l);
                }
            }
        }
        pane.removeChangeListener(tabSwitched);
        pane.removeAll();
        for (Map.Entry<String, FileObject> r : now.entrySet()) {
            Object title = r.getValue().getAttribute("displayName");
            OptionsPanelController c = controllers.get(r.getKey());
            JComponent content = c == null ? new JLabel() : scrolled(c.getComponent(masterLookup));
            content.putClientProperty(FOLDER, r.getKey());
            pane.addTab(title instanceof String s ? s : r.getKey(), content);
        }
        for (int i = 0; i < pane.getTabCount(); i++) {
            if (nameAt(i).equals(selected)) {
                pane.setSelectedIndex(i);
            }
        }
        pane.addChangeListener(tabSwitched);
        showSelected();
    }

    /** Makes the selected tab's controller (once) from its registration, if that is still there. */
    private void showSelected() {
        int index = pane.getSelectedIndex();
        if (index < 0 || !(pane.getComponentAt(index) instanceof JLabel)) {
            helpChanged(index < 0 ? null : controllers.get(nameAt(index)));
            return;
        }
        String name = nameAt(index);
        FileObject registration = FileUtil.getConfigFile(FOLDER + "/" + name + ".instance");
        Object made = registration == null ? null : registration.getAttribute("controller");
        if (!(made instanceof OptionsPanelController c)) {
            // its module is going: the folder's change event that follows removes the tab
            LOG.log(Level.FINE, "the Performance tab {0} has no controller any more ({1})", new Object[]{name, made});
            return;
        }
        controllers.put(name, c);
        JComponent content = scrolled(c.getComponent(masterLookup)); // first, as controllers expect
        content.putClientProperty(FOLDER, name);
        for (PropertyChangeListener l : changes.getPropertyChangeListeners()) {
            c.addPropertyChangeListener(l);
        }
        pane.setComponentAt(index, content);
        c.update();
        helpChanged(c);
    }

    /** The dialog's Help button: the selected tab's page (none yet: the dialog finds the help of the panel shown). */
    private void helpChanged(OptionsPanelController selected) {
        help = selected == null ? HelpCtx.DEFAULT_HELP : selected.getHelpCtx();
        changes.firePropertyChange(OptionsPanelController.PROP_HELP_CTX, null, null);
    }

    private String selectedName() {
        int index = pane.getSelectedIndex();
        return index < 0 ? "" : nameAt(index);
    }

    private String nameAt(int index) {
        Object name = ((JComponent) pane.getComponentAt(index)).getClientProperty(FOLDER);
        return name instanceof String s ? s : "";
    }

    private static JComponent scrolled(JComponent tab) {
        if (tab.getBorder() == null) {
            tab.setBorder(BorderFactory.createEmptyBorder(11, 11, 11, 11));
        }
        JScrollPane scroll = new JScrollPane(tab);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.setOpaque(false);
        scroll.getViewport().setOpaque(false);
        return scroll;
    }
}
