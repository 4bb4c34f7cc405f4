package org.tsperf.proxy.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.LookupListener;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.playback.MediaViewer;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyMediaList;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxyState;
import org.tsperf.api.util.SettingsNotSavedException;
import org.tsperf.ui.support.FullTextTooltips;
import org.tsperf.ui.support.LiveSampler;
import org.tsperf.ui.support.ModuleWindows;
import org.tsperf.ui.support.LiveTopComponent;
import org.tsperf.ui.support.WrapLayout;

/**
 * The Proxy Manager: the media list with the state of every proxy, adding media by dialog or drag and drop,
 * Generate / Cancel / Delete / Reveal, the "Use proxies" switch and a thumbnail strip of the selected source. It talks
 * to the proxy and thumbnail services through Lookup only; the list is read once a second off the event thread.
 */
@ConvertAsProperties(dtd = "-//org.tsperf.proxy.ui//ProxyManager//EN", autostore = false)
@TopComponent.Description(preferredID = ProxyManagerTopComponent.ID, iconBase = "org/tsperf/proxy/ui/proxies.png",
        persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 300)
@Messages({
    "CTL_ProxyManagerTopComponent=Proxy Manager",
    "HINT_ProxyManagerTopComponent=Media and their proxies: add media, generate, cancel, delete, reveal",
    "ProxyManager_addFiles=Add Files...",
    "ProxyManager_addFilesTip=Add media files to the list",
    "ProxyManager_addFolder=Add Folder...",
    "ProxyManager_addFolderTip=Add every media file of a folder and its subfolders",
    "ProxyManager_generate=Generate",
    "ProxyManager_generateTip=Make the missing proxies of the selected sources",
    "ProxyManager_cancel=Cancel",
    "ProxyManager_cancelTip=Stop the proxy jobs of the selected sources",
    "ProxyManager_delete=Delete Proxies",
    "ProxyManager_deleteTip=Delete the proxies of the selected sources (the sources stay)",
    "ProxyManager_open=Open in Viewer",
    "ProxyManager_openTip=Play the selected source in the Viewer (also: double-click)",
    "ProxyManager_reveal=Reveal",
    "ProxyManager_revealTip=Show the selected source's proxies in the file manager",
    "ProxyManager_remove=Remove",
    "ProxyManager_removeTip=Take the selected sources off the list (their proxies stay until cleaned up)",
    "ProxyManager_cleanUp=Clean Up",
    "ProxyManager_cleanUpTip=Hold the proxy store to its size limit now (Tools > Options > Performance > Proxies)",
    "ProxyManager_useProxies=Use proxies",
    "ProxyManager_useProxiesTip=Playback and previews read proxies instead of the sources where they exist",
    "ProxyManager_addFilesTitle=Add Media Files",
    "ProxyManager_addFolderTitle=Add a Folder of Media",
    "# {0} - how many files or folders",
    "ProxyManager_adding=Adding {0} item(s)...",
    "# {0} - the source's file name, {1} - why",
    "ProxyManager_sourceFailed={0}: {1}",
    "ProxyManager_cancelledHere=cancelled in the Proxy Manager",
    "# {0} - the source's file name",
    "ProxyManager_nothingToCancel={0} has no proxy job to cancel",
    "ProxyManager_readsProxies=Playback reads proxies where they exist",
    "ProxyManager_readsSources=Playback reads the original sources",
    "ProxyManager_noViewer=No Viewer: install the Playback module (Tools > Plugins)",
    "# {0} - the source's file name",
    "ProxyManager_noProxies={0} has no proxies yet: Generate makes them",
    "# {0} - why",
    "ProxyManager_failed=Failed: {0}",
    "ProxyManager_noEngine=The Proxy Engine module is not installed or is disabled: install it in Tools > Plugins",
    "# {0} - how many sources",
    "ProxyManager_selected={0} sources selected"
})
public final class ProxyManagerTopComponent extends LiveTopComponent {

    static final String ID = "ProxyManagerTopComponent";
    private static final Logger LOG = Logger.getLogger(ProxyManagerTopComponent.class.getName());
    /** Service calls that read files (index, fingerprints, deletion) never run on the event thread. */
    private static final RequestProcessor WORK = new RequestProcessor("Proxy Manager", 2, true);

    private final MediaTableModel model = new MediaTableModel();
    private final JTable table = new JTable(model);
    private final JCheckBox useProxies = new JCheckBox(Bundle.ProxyManager_useProxies());
    private final JLabel status = new JLabel(" ");
    private final JTextArea details = new JTextArea(4, 40);
    private final ThumbnailStripPanel strip = new ThumbnailStripPanel();
    private final List<JButton> sourceActions = new ArrayList<>();
    private final Lookup.Result<ProxyService> services = Lookup.getDefault().lookupResult(ProxyService.class);
    private final LookupListener servicesChanged = e -> this.live.refreshSoon();
    /** The list and configuration, read once a second off the event thread; the view only renders them. */
    private final LiveSampler<ManagerView> live = new LiveSampler<>("tsperf-proxy-manager", Duration.ofSeconds(1),
            this::sample, this::render);
    /** True while a refresh puts the selection back: those selection events are not the user's. Event thread. */
    private boolean refreshing;
    /**
     * Counts changes of the "Use proxies" switch: one when it is clicked, one when the click is saved. A sample read
     * under another count may predate the click or its saving, so it leaves the check box as the user left it.
     */
    private final AtomicLong switchChanges = new AtomicLong();

    public ProxyManagerTopComponent() {
        setName(Bundle.CTL_ProxyManagerTopComponent());
        setToolTipText(Bundle.HINT_ProxyManagerTopComponent());
        sampleWhileShowing(live);
        buildLayout();
    }

    private void buildLayout() {
        setLayout(new BorderLayout());
        JPanel buttons = new JPanel(new WrapLayout(FlowLayout.LEFT, 5, 5)); // wraps in a narrow window
        buttons.add(button(Bundle.ProxyManager_addFiles(), Bundle.ProxyManager_addFilesTip(), this::addFiles, false));
        buttons.add(button(Bundle.ProxyManager_addFolder(), Bundle.ProxyManager_addFolderTip(), this::addFolder,
                false));
        buttons.add(button(Bundle.ProxyManager_generate(), Bundle.ProxyManager_generateTip(),
                () -> forSelected(this::generate), true));
        buttons.add(button(Bundle.ProxyManager_cancel(), Bundle.ProxyManager_cancelTip(),
                () -> forSelected(this::cancel), true));
        buttons.add(button(Bundle.ProxyManager_delete(), Bundle.ProxyManager_deleteTip(),
                () -> forSelected(this::delete), true));
        buttons.add(button(Bundle.ProxyManager_open(), Bundle.ProxyManager_openTip(), this::openInViewer, true));
        buttons.add(button(Bundle.ProxyManager_reveal(), Bundle.ProxyManager_revealTip(), this::reveal, true));
        buttons.add(button(Bundle.ProxyManager_remove(), Bundle.ProxyManager_removeTip(),
                () -> forSelected(this::remove), true));
        buttons.add(button(Bundle.ProxyManager_cleanUp(), Bundle.ProxyManager_cleanUpTip(), this::cleanUp, false));
        useProxies.setToolTipText(Bundle.ProxyManager_useProxiesTip());
        useProxies.addActionListener(e -> {
            switchChanges.incrementAndGet();
            setUseProxies(useProxies.isSelected());
        });
        buttons.add(useProxies);

        table.setName("proxyMedia");
        FullTextTooltips.install(table);
        table.setAutoCreateRowSorter(true);
        table.setFillsViewportHeight(true);
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !refreshing) {
                selectionChanged();
            }
        });
        table.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                if (e.getClickCount() == 2 && javax.swing.SwingUtilities.isLeftMouseButton(e)) {
                    openInViewer();
                }
            }
        });
        JScrollPane tableScroll = new JScrollPane(table);
        TransferHandler drop = new MediaFileDrop(this::add, this::say,
                () -> selected().stream().map(ProxyMedia::source).toList());
        table.setTransferHandler(drop);
        table.setDragEnabled(true);
        tableScroll.setTransferHandler(drop);

        details.setEditable(false);
        details.setLineWrap(true);
        details.setWrapStyleWord(true);
        details.setName("proxyDetails");
        JSplitPane bottom = new JSplitPane(JSplitPane.VERTICAL_SPLIT, strip, new JScrollPane(details));
        bottom.setResizeWeight(0.6);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, tableScroll, bottom);
        split.setResizeWeight(0.6);

        status.setName("proxyStatus");
        status.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        // long texts are cut, they never widen the window
        status.setMinimumSize(new java.awt.Dimension(1, status.getPreferredSize().height));
        add(buttons, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        updateButtons();
    }

    private JButton button(String text, String tip, Runnable action, boolean needsSelection) {
        JButton b = new JButton(text);
        b.setToolTipText(tip);
        b.addActionListener(e -> action.run());
        if (needsSelection) {
            sourceActions.add(b);
        }
        return b;
    }

    /** A proxy service, found anew each time: the module can be switched off and on while the window is open. */
    private static <T> Optional<T> find(Class<T> service) {
        return Optional.ofNullable(Lookup.getDefault().lookup(service));
    }

    private List<ProxyMedia> selected() {
        List<ProxyMedia> s = new ArrayList<>();
        for (int row : table.getSelectedRows()) {
            s.add(model.at(table.convertRowIndexToModel(row)));
        }
        return s;
    }

    private void forSelected(java.util.function.Consumer<ProxyMedia> action) {
        selected().forEach(action);
        live.refreshSoon();
    }

    void addFiles() {
        choose(JFileChooser.FILES_ONLY, Bundle.ProxyManager_addFilesTitle());
    }

    private void addFolder() {
        choose(JFileChooser.DIRECTORIES_ONLY, Bundle.ProxyManager_addFolderTitle());
    }

    private void choose(int mode, String title) {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(title);
        chooser.setFileSelectionMode(mode);
        chooser.setMultiSelectionEnabled(true);
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            File[] files = chooser.getSelectedFiles();
            if (files.length == 0 && chooser.getSelectedFile() != null) {
                files = new File[] {chooser.getSelectedFile()};
            }
            add(java.util.Arrays.stream(files).map(File::toPath).toList());
        }
    }

    /** Adds media (from the dialogs and from drops). */
    void add(List<Path> paths) {
        find(ProxyMediaList.class).ifPresentOrElse(s -> {
            say(Bundle.ProxyManager_adding(Integer.toString(paths.size())));
            report(s.addMedia(paths));
        }, this::sayMissing);
    }

    private void generate(ProxyMedia m) {
        find(ProxyService.class).ifPresent(s -> WORK.post(() -> {
            s.generateNow(m.source(), s.config().settings()).result().thenAccept(r -> {
                if (!r.status().ok()) {
                    say(Bundle.ProxyManager_sourceFailed(m.source().getFileName(), r.error()));
                }
                live.refreshSoon();
            });
            live.refreshSoon();
        }));
    }

    private void cancel(ProxyMedia m) {
        find(ProxyService.class).ifPresent(s -> WORK.post(() -> {
            if (!s.cancel(m.source(), Bundle.ProxyManager_cancelledHere())) {
                say(Bundle.ProxyManager_nothingToCancel(m.source().getFileName()));
            }
        }));
    }

    private void delete(ProxyMedia m) {
        find(ProxyMediaList.class).ifPresent(s -> report(s.deleteProxies(m.source())));
    }

    private void remove(ProxyMedia m) {
        find(ProxyMediaList.class).ifPresent(s -> WORK.post(() -> {
            s.removeMedia(m.source());
            live.refreshSoon();
        }));
    }

    private void cleanUp() {
        find(ProxyMediaList.class).ifPresentOrElse(s -> report(s.cleanUp()), this::sayMissing);
    }

    private void setUseProxies(boolean use) {
        find(ProxyConfiguration.class).ifPresent(s -> WORK.post(() -> {
            ProxyConfig c = s.config();
            try {
                if (c.useProxies() != use) {
                    s.setConfig(c.withUseProxies(use));
                    say(use ? Bundle.ProxyManager_readsProxies() : Bundle.ProxyManager_readsSources());
                }
            } catch (SettingsNotSavedException ex) { // a full disk: the setting stays as it was
                LOG.log(Level.WARNING, "the Use proxies switch could not be saved", ex);
                say(ex.getMessage());
            } finally {
                switchChanges.incrementAndGet(); // samples from now on show the saved state
                live.refreshSoon();
            }
        }));
    }

    /** Plays the selected source in the Viewer (the playback module's, found through Lookup). */
    private void openInViewer() {
        List<ProxyMedia> s = selected();
        if (s.isEmpty()) {
            return;
        }
        MediaViewer viewer = Lookup.getDefault().lookup(MediaViewer.class);
        if (viewer == null) {
            say(Bundle.ProxyManager_noViewer());
            return;
        }
        viewer.show(s.get(0).source());
    }

    /** Opens the folder of the selected source's first proxy in the desktop's file manager, selecting it if it can. */
    private void reveal() {
        List<ProxyMedia> s = selected();
        if (s.isEmpty()) {
            return;
        }
        Optional<ProxyFile> proxy = s.get(0).proxies().stream().map(ProxyState::file).flatMap(Optional::stream)
                .findFirst();
        if (proxy.isEmpty()) {
            say(Bundle.ProxyManager_noProxies(s.get(0).source().getFileName()));
            return;
        }
        MediaDetails.show(proxy.get().path().toFile(), WORK);
    }

    private void report(CompletableFuture<String> work) {
        work.whenComplete((text, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "proxy action failed", error);
                say(Bundle.ProxyManager_failed(error.getMessage()));
            } else {
                say(text);
            }
            live.refreshSoon();
        });
    }

    private void say(String text) {
        SwingUtilities.invokeLater(() -> {
            status.setText(text);
            status.setToolTipText(text);
        });
    }

    private void sayMissing() {
        say(Bundle.ProxyManager_noEngine());
    }

    private void selectionChanged() {
        updateButtons();
        List<ProxyMedia> s = selected();
        if (s.size() != 1) {
            details.setText(s.isEmpty() ? "" : Bundle.ProxyManager_selected(Integer.toString(s.size())));
            strip.showSource(null);
            return;
        }
        showDetails(s.get(0));
        strip.showSource(s.get(0).source());
    }

    private void updateButtons() {
        boolean any = table.getSelectedRowCount() > 0;
        sourceActions.forEach(b -> b.setEnabled(any));
    }

    private void showDetails(ProxyMedia m) {
        String text = MediaDetails.details(m);
        if (!text.equals(details.getText())) {
            details.setText(text);
            details.setCaretPosition(0);
        }
    }

    /** What one sample read: the configuration and the list, or nothing when the proxy module is missing. */
    private record ManagerView(ProxyConfig config, List<ProxyMedia> media, long switchChanges) {
    }

    /** Reads the list off the event thread. */
    private ManagerView sample() {
        long changes = switchChanges.get(); // read before the configuration, so a click saved meanwhile counts
        Optional<ProxyMediaList> s = find(ProxyMediaList.class);
        Optional<ProxyConfiguration> c = find(ProxyConfiguration.class);
        if (s.isEmpty() || c.isEmpty()) {
            return new ManagerView(null, List.of(), changes);
        }
        return new ManagerView(c.get().config(), s.get().media(), changes);
    }

    private void render(ManagerView v) {
        if (v.config() == null) {
            model.show(List.of(), List.of());
            useProxies.setEnabled(false);
            status.setText(Bundle.ProxyManager_noEngine());
        } else {
            show(v.config(), v.media(), v.switchChanges() == switchChanges.get());
        }
    }

    /**
     * Renders the list: nothing happens when it did not change, rows are updated in place (the selection stays) when
     * only their states changed, and the selection is put back after a change of the rows themselves. Only a
     * selection that really changed asks for a new strip.
     */
    private void show(ProxyConfig config, List<ProxyMedia> media, boolean switchCurrent) {
        useProxies.setEnabled(true);
        if (switchCurrent) {
            useProxies.setSelected(config.useProxies());
        }
        List<Path> keep = selected().stream().map(ProxyMedia::source).toList();
        MediaTableModel.Change change;
        refreshing = true;
        try {
            change = model.show(config.settings().resolutions(), media);
            if (change == MediaTableModel.Change.ROWS) {
                table.clearSelection();
                for (int i = 0; i < model.getRowCount(); i++) {
                    if (keep.contains(model.at(i).source())) {
                        int view = table.convertRowIndexToView(i);
                        table.getSelectionModel().addSelectionInterval(view, view);
                    }
                }
            }
        } finally {
            refreshing = false;
        }
        if (change == MediaTableModel.Change.NOTHING) {
            return;
        }
        List<Path> now = selected().stream().map(ProxyMedia::source).toList();
        if (!now.equals(keep)) {
            selectionChanged(); // a selected source left the list
        } else if (now.size() == 1) {
            showDetails(selected().get(0));
        }
        updateButtons();
    }

    /** F1 and the help buttons open this window's page of the user guide (the help module maps the ID). */
    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.proxies");
    }

    /** Window &gt; Proxy Manager: this module's window, also after the module was installed again. Event thread. */
    static ProxyManagerTopComponent openOne() {
        return ModuleWindows.open(ID, ProxyManagerTopComponent.class, ProxyManagerTopComponent::new);
    }

    @Override
    protected void componentOpened() {
        services.addLookupListener(servicesChanged);
    }

    @Override
    protected void componentClosed() {
        services.removeLookupListener(servicesChanged);
        super.componentClosed();
    }

    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(java.util.Properties p) {
        // the list lives in the proxy store's index, not in the window
    }
}
