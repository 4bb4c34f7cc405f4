package org.tsperf.proxy.ui;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openide.util.NbBundle;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.table.DefaultTableModel;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.CleanupPolicy;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.ui.support.SettingsSaving;
import org.tsperf.ui.support.TextChanges;

/**
 * The proxy configuration: sizes (Quarter and Half built in, users add their own), format, quality, how many jobs
 * run at once, where proxies live, how large the store may grow and what happens then, and the "Use proxies" switch.
 */
@NbBundle.Messages({
    "ProxyOptions_colUse=Use",
    "ProxyOptions_colName=Name",
    "ProxyOptions_colScale=Scale",
    "ProxyOptions_colMaxWidth=Max width",
    "ProxyOptions_colMaxHeight=Max height",
    "ProxyOptions_colPurpose=Purpose",
    "ProxyOptions_background=Make proxies in the background as soon as media are added",
    "ProxyOptions_parallel=Make proxies of several sources at once, up to",
    "ProxyOptions_useProxies=Use proxies for playback and previews",
    "ProxyOptions_addSize=Add Size",
    "ProxyOptions_removeSize=Remove Size",
    "ProxyOptions_sizes=Proxy sizes:",
    "ProxyOptions_format=Format:",
    "ProxyOptions_quality=Quality:",
    "ProxyOptions_jobs=jobs",
    "ProxyOptions_browse=Browse...",
    "ProxyOptions_store=Proxy store:",
    "ProxyOptions_whenFull=GiB; when full:",
    "ProxyOptions_limit=Store size limit:",
    "ProxyOptions_storeNotAbsolute=the proxy store must be an absolute folder path",
    "ProxyOptions_incomplete=incomplete settings",
    "# {0} - what is wrong",
    "ProxyOptions_notValid=Not valid: {0}"
})
final class ProxyOptionsPanel extends JPanel {

    private static final long GIB = 1L << 30;
    private final ProxyOptionsPanelController controller;
    private final DefaultTableModel resolutions = new DefaultTableModel(new Object[] {Bundle.ProxyOptions_colUse(),
        Bundle.ProxyOptions_colName(), Bundle.ProxyOptions_colScale(), Bundle.ProxyOptions_colMaxWidth(),
        Bundle.ProxyOptions_colMaxHeight(), Bundle.ProxyOptions_colPurpose()}, 0) {
        @Override
        public Class<?> getColumnClass(int c) {
            return c == 0 ? Boolean.class : c == 2 ? Double.class : c == 3 || c == 4 ? Integer.class : String.class;
        }

        @Override
        public boolean isCellEditable(int row, int column) {
            return column == 0 || !isBuiltIn((String) getValueAt(row, 1));
        }
    };
    private final JComboBox<ProxyFormat> format = new JComboBox<>(ProxyFormat.values());
    private final JComboBox<ProxyQuality> quality = new JComboBox<>(ProxyQuality.values());
    private final JCheckBox generateAsync = new JCheckBox(Bundle.ProxyOptions_background());
    private final JCheckBox parallel = new JCheckBox(Bundle.ProxyOptions_parallel());
    private final JSpinner maxJobs = new JSpinner(new SpinnerNumberModel(2, 1, 64, 1));
    private final JTextField store = new JTextField(32);
    private final JSpinner maxSizeGiB = new JSpinner(new SpinnerNumberModel(50.0, 0.01, 100_000.0, 1.0));
    private final JComboBox<CleanupPolicy> cleanup = new JComboBox<>(CleanupPolicy.values());
    private final JCheckBox useProxies = new JCheckBox(Bundle.ProxyOptions_useProxies());
    private final JLabel problem = new JLabel(" ");
    private boolean loading;

    ProxyOptionsPanel(ProxyOptionsPanelController controller) {
        this.controller = controller;
        setName("proxyOptions");
        store.setName("proxyStore");
        ((JSpinner.DefaultEditor) maxSizeGiB.getEditor()).getTextField().setName("maxCacheSizeGiB");
        maxSizeGiB.setName("maxCacheSize");
        buildLayout();
        resolutions.addTableModelListener(e -> changed());
        for (JComboBox<?> c : List.of(format, quality, cleanup)) {
            c.addActionListener(e -> changed());
        }
        for (JCheckBox c : List.of(generateAsync, parallel, useProxies)) {
            c.addActionListener(e -> changed());
        }
        maxJobs.addChangeListener(e -> changed());
        maxSizeGiB.addChangeListener(e -> changed());
        TextChanges.onChange(store, this::changed);
    }

    private void buildLayout() {
        setLayout(new GridBagLayout());
        int row = 0;
        JTable table = new JTable(resolutions);
        table.setName("proxyResolutions");
        table.setPreferredScrollableViewportSize(new java.awt.Dimension(520, 80));
        JPanel resButtons = new JPanel();
        JButton addRes = new JButton(Bundle.ProxyOptions_addSize());
        addRes.addActionListener(e -> resolutions.addRow(new Object[] {true, "custom" + resolutions.getRowCount(),
            0.33, 1280, 720, "custom"}));
        JButton removeRes = new JButton(Bundle.ProxyOptions_removeSize());
        removeRes.addActionListener(e -> {
            int r = table.getSelectedRow();
            if (r >= 0 && !isBuiltIn((String) resolutions.getValueAt(table.convertRowIndexToModel(r), 1))) {
                resolutions.removeRow(table.convertRowIndexToModel(r));
            }
        });
        resButtons.add(addRes);
        resButtons.add(removeRes);
        JPanel res = new JPanel(new BorderLayout());
        res.add(new JScrollPane(table), BorderLayout.CENTER);
        res.add(resButtons, BorderLayout.SOUTH);
        row = line(row, Bundle.ProxyOptions_sizes(), res);
        row = line(row, Bundle.ProxyOptions_format(), format);
        row = line(row, Bundle.ProxyOptions_quality(), quality);
        row = line(row, "", generateAsync);
        JPanel jobs = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        jobs.add(parallel);
        jobs.add(maxJobs);
        jobs.add(new JLabel(" " + Bundle.ProxyOptions_jobs()));
        row = line(row, "", jobs);
        JPanel storePanel = new JPanel(new BorderLayout(4, 0));
        JButton browse = new JButton(Bundle.ProxyOptions_browse());
        browse.addActionListener(e -> {
            JFileChooser c = new JFileChooser(store.getText());
            c.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            if (c.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                store.setText(c.getSelectedFile().getAbsolutePath());
            }
        });
        storePanel.add(store, BorderLayout.CENTER);
        storePanel.add(browse, BorderLayout.EAST);
        row = line(row, Bundle.ProxyOptions_store(), storePanel);
        JPanel size = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        size.add(maxSizeGiB);
        size.add(new JLabel(" " + Bundle.ProxyOptions_whenFull() + " "));
        size.add(cleanup);
        row = line(row, Bundle.ProxyOptions_limit(), size);
        row = line(row, "", useProxies);
        problem.setName("proxyOptionsProblem");
        line(row, "", problem);
    }

    private int line(int row, String label, JComponent field) {
        GridBagConstraints l = new GridBagConstraints();
        l.gridx = 0;
        l.gridy = row;
        l.anchor = GridBagConstraints.NORTHWEST;
        l.insets = new Insets(4, 4, 4, 8);
        add(new JLabel(label), l);
        GridBagConstraints f = new GridBagConstraints();
        f.gridx = 1;
        f.gridy = row;
        f.weightx = 1;
        f.fill = GridBagConstraints.HORIZONTAL;
        f.anchor = GridBagConstraints.NORTHWEST;
        f.insets = new Insets(4, 0, 4, 4);
        add(field, f);
        return row + 1;
    }

    private static boolean isBuiltIn(String name) {
        return ProxyResolution.BUILT_IN.stream().anyMatch(r -> r.name().equals(name));
    }

    private Optional<ProxyConfiguration> service() {
        return Optional.ofNullable(Lookup.getDefault().lookup(ProxyConfiguration.class));
    }

    void load() {
        Optional<ProxyConfiguration> s = service();
        if (s.isEmpty()) {
            return;
        }
        loading = true;
        try {
            ProxyConfig c = s.get().config();
            resolutions.setRowCount(0);
            List<ProxyResolution> all = new ArrayList<>(ProxyResolution.BUILT_IN);
            c.settings().resolutions().stream().filter(r -> !isBuiltIn(r.name())).forEach(all::add);
            for (ProxyResolution r : all) {
                resolutions.addRow(new Object[] {c.settings().resolutions().stream().anyMatch(x -> x.name()
                        .equals(r.name())), r.name(), r.scale(), r.maxWidth(), r.maxHeight(), r.purpose()});
            }
            format.setSelectedItem(c.settings().format());
            quality.setSelectedItem(c.settings().quality());
            generateAsync.setSelected(c.generateAsync());
            parallel.setSelected(c.parallelGeneration());
            maxJobs.setValue(c.maxConcurrentJobs());
            store.setText(c.settings().store().toString());
            maxSizeGiB.setValue(c.maxCacheSizeBytes() / (double) GIB);
            cleanup.setSelectedItem(c.cleanupPolicy());
            useProxies.setSelected(c.useProxies());
        } finally {
            loading = false;
        }
        problem();
    }

    /** The configuration the panel shows, or why it is not valid. */
    private ProxyConfig read() {
        List<ProxyResolution> res = new ArrayList<>();
        for (int i = 0; i < resolutions.getRowCount(); i++) {
            if (Boolean.TRUE.equals(resolutions.getValueAt(i, 0))) {
                res.add(new ProxyResolution(String.valueOf(resolutions.getValueAt(i, 1)).trim().toLowerCase(
                        Locale.ROOT), ((Number) resolutions.getValueAt(i, 2)).doubleValue(),
                        ((Number) resolutions.getValueAt(i, 3)).intValue(),
                        ((Number) resolutions.getValueAt(i, 4)).intValue(),
                        String.valueOf(resolutions.getValueAt(i, 5))));
            }
        }
        String folder = store.getText().trim();
        if (folder.isEmpty() || !new File(folder).isAbsolute()) {
            throw new IllegalArgumentException(Bundle.ProxyOptions_storeNotAbsolute());
        }
        ProxySettings settings = new ProxySettings(res, (ProxyFormat) format.getSelectedItem(),
                (ProxyQuality) quality.getSelectedItem(), Path.of(folder));
        return new ProxyConfig(settings, generateAsync.isSelected(), parallel.isSelected(),
                ((Number) maxJobs.getValue()).intValue(),
                (long) (((Number) maxSizeGiB.getValue()).doubleValue() * GIB),
                (CleanupPolicy) cleanup.getSelectedItem(), useProxies.isSelected());
    }

    /** Empty when valid; else what is wrong, also shown in the panel. */
    String problem() {
        String p;
        try {
            read();
            p = "";
        } catch (IllegalArgumentException | NullPointerException | ClassCastException ex) {
            p = ex.getMessage() == null ? Bundle.ProxyOptions_incomplete() : ex.getMessage();
        }
        problem.setText(p.isEmpty() ? " " : Bundle.ProxyOptions_notValid(p));
        return p;
    }

    void store() {
        if (problem().isEmpty()) {
            service().ifPresent(s -> {
                ProxyConfig c = read();
                SettingsSaving.inBackground(org.openide.util.RequestProcessor.getDefault(), "The proxy settings",
                        () -> s.setConfig(c));
            });
        }
    }

    private void changed() {
        if (!loading) {
            controller.changed();
        }
    }
}
