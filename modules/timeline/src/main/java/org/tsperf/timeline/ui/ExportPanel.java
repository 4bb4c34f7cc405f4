package org.tsperf.timeline.ui;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.File;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.timeline.ExportFormat;

/**
 * The export dialog's form: file, format, and where to render (this machine, the default, or a render cluster with
 * its name, members, secret file and the address to listen on). Event thread; it reads no file itself.
 */
@Messages({
    "ExportPanel_file=File:",
    "ExportPanel_browse=Browse...",
    "ExportPanel_format=Format:",
    "ExportPanel_local=Render on this machine",
    "ExportPanel_cluster=Render on cluster",
    "ExportPanel_name=Cluster name:",
    "ExportPanel_members=Members:",
    "ExportPanel_membersHint=HOST:PORT, separated by commas",
    "ExportPanel_secret=Secret file:",
    "ExportPanel_bind=Listen on:",
    "ExportPanel_bindHint=127.0.0.1 (this machine only) unless you give this machine's address on the cluster's"
        + " network"
})
final class ExportPanel extends JPanel {

    private final JTextField output = field("exportFile");
    private final JComboBox<ExportFormat> format = new JComboBox<>(ExportFormat.values());
    private final JRadioButton local = new JRadioButton(Bundle.ExportPanel_local());
    private final JRadioButton cluster = new JRadioButton(Bundle.ExportPanel_cluster());
    private final JTextField name = field("clusterName");
    private final JTextField members = field("clusterMembers");
    private final JTextField secret = field("clusterSecretFile");
    private final JTextField bind = field("clusterBind");
    private final JButton browseSecret = new JButton(Bundle.ExportPanel_browse());
    private Runnable onChange = () -> { };
    private int row;

    ExportPanel(ExportChoices initial) {
        super(new GridBagLayout());
        setName("exportPanel");
        format.setName("exportFormat");
        local.setName("renderLocal");
        cluster.setName("renderOnCluster");
        ButtonGroup where = new ButtonGroup();
        where.add(local);
        where.add(cluster);
        output.setText(initial.output());
        format.setSelectedItem(initial.format());
        (initial.onCluster() ? cluster : local).setSelected(true);
        name.setText(initial.cluster());
        members.setText(initial.members());
        members.setToolTipText(Bundle.ExportPanel_membersHint());
        secret.setText(initial.secretFile());
        bind.setText(initial.bind());
        bind.setToolTipText(Bundle.ExportPanel_bindHint());

        JButton browseOutput = new JButton(Bundle.ExportPanel_browse());
        browseOutput.addActionListener(e -> choose(output, true));
        browseSecret.addActionListener(e -> choose(secret, false));
        addRow(Bundle.ExportPanel_file(), output, browseOutput);
        addRow(Bundle.ExportPanel_format(), format, null);
        addRow(null, local, null);
        addRow(null, cluster, null);
        addRow(Bundle.ExportPanel_name(), name, null);
        addRow(Bundle.ExportPanel_members(), members, null);
        addRow(Bundle.ExportPanel_secret(), secret, browseSecret);
        addRow(Bundle.ExportPanel_bind(), bind, null);

        local.addActionListener(e -> changed());
        cluster.addActionListener(e -> changed());
        format.addActionListener(e -> changed());
        enableClusterFields();
    }

    /** Called on the event thread after every change. */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    ExportChoices choices() {
        return new ExportChoices(output.getText(), (ExportFormat) format.getSelectedItem(), cluster.isSelected(),
                name.getText(), members.getText(), secret.getText(), bind.getText());
    }

    private void changed() {
        enableClusterFields();
        onChange.run();
    }

    private void enableClusterFields() {
        boolean on = cluster.isSelected();
        for (JComponent c : new JComponent[] {name, members, secret, bind, browseSecret}) {
            c.setEnabled(on);
        }
    }

    private void choose(JTextField target, boolean save) {
        JFileChooser chooser = new JFileChooser();
        if (!target.getText().isBlank()) {
            chooser.setSelectedFile(new File(target.getText().trim()));
        }
        int answer = save ? chooser.showSaveDialog(this) : chooser.showOpenDialog(this);
        if (answer == JFileChooser.APPROVE_OPTION) {
            target.setText(chooser.getSelectedFile().getPath());
        }
    }

    private JTextField field(String fieldName) {
        JTextField f = new JTextField(32);
        f.setName(fieldName);
        f.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                changed();
            }
        });
        return f;
    }

    private void addRow(String caption, JComponent field, JComponent button) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row++;
        c.insets = new Insets(3, 0, 3, 6);
        c.anchor = GridBagConstraints.WEST;
        if (caption != null) {
            c.gridx = 0;
            JLabel l = new JLabel(caption);
            l.setLabelFor(field);
            add(l, c);
        }
        c.gridx = 1;
        c.gridwidth = caption == null ? 2 : 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        if (caption == null) {
            c.gridx = 0;
            c.gridwidth = 3;
        }
        add(field, c);
        if (button != null) {
            c.gridx = 2;
            c.gridwidth = 1;
            c.weightx = 0;
            add(button, c);
        }
    }
}
