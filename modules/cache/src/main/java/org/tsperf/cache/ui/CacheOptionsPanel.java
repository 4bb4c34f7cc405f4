package org.tsperf.cache.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JTextField;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.cache.CacheConfig;
import org.tsperf.api.cache.CacheConfiguration;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.ui.support.OptionsForm;
import org.tsperf.ui.support.OptionsTab;
import org.tsperf.ui.support.OptionsTabController;
import org.tsperf.ui.support.SettingsSaving;
import org.tsperf.ui.support.TextChanges;

/** The cache's settings: L1's RAM budget (or the memory profile's), the L2 and L3 folders and budgets. */
@Messages({
    "CacheOptions_followProfile=Follow the memory profile",
    "CacheOptions_l1=RAM (L1) budget:",
    "CacheOptions_l2Dir=L2 folder (fast disk):",
    "CacheOptions_l2Budget=L2 budget:",
    "CacheOptions_l3Dir=L3 folder (large disk):",
    "CacheOptions_l3Budget=L3 budget:",
    "CacheOptions_browse=Browse...",
    "CacheOptions_sizeHint=e.g. 512M, 8G",
    "CacheOptions_when=The RAM budget applies at once; the L2 and L3 folders and budgets take effect after a restart.",
    "# {0} - the start options",
    "CacheOptions_overridden=Start options decide instead: {0}",
    "# {0} - which field",
    "# {1} - what is wrong",
    "CacheOptions_notValid=Not valid: {0}: {1}",
    "# {0} - what is wrong",
    "CacheOptions_notValidAll=Not valid: {0}",
    "CacheOptions_absolute=an absolute folder path is needed",
    "CacheOptions_none=The cache module's settings service is not available."
})
final class CacheOptionsPanel implements OptionsTab {

    private static final RequestProcessor RP = new RequestProcessor("tsperf-cache-options", 1);
    private final OptionsForm form = new OptionsForm("cacheOptions");
    private final JCheckBox followProfile = new JCheckBox(Bundle.CacheOptions_followProfile());
    private final JTextField l1 = field("cacheL1Budget", 8);
    private final JTextField l2Dir = field("cacheL2Dir", 32);
    private final JTextField l2Budget = field("cacheL2Budget", 8);
    private final JTextField l3Dir = field("cacheL3Dir", 32);
    private final JTextField l3Budget = field("cacheL3Budget", 8);
    private final JLabel overridden = new JLabel(" ");

    CacheOptionsPanel(OptionsTabController controller) {
        followProfile.setName("cacheL1FollowsProfile");
        form.row(Bundle.CacheOptions_l1(), OptionsForm.inline(l1, new JLabel(Bundle.CacheOptions_sizeHint()),
                followProfile));
        form.row(Bundle.CacheOptions_l2Dir(), OptionsForm.inline(l2Dir, browse(l2Dir)));
        form.row(Bundle.CacheOptions_l2Budget(), OptionsForm.inline(l2Budget));
        form.row(Bundle.CacheOptions_l3Dir(), OptionsForm.inline(l3Dir, browse(l3Dir)));
        form.row(Bundle.CacheOptions_l3Budget(), OptionsForm.inline(l3Budget));
        form.row("", new JLabel(Bundle.CacheOptions_when()));
        form.row("", overridden);
        form.finish();
        for (JTextField f : List.of(l1, l2Dir, l2Budget, l3Dir, l3Budget)) {
            TextChanges.onChange(f, controller::changed);
        }
        followProfile.addActionListener(e -> {
            l1.setEnabled(!followProfile.isSelected());
            controller.changed();
        });
    }

    private static JTextField field(String name, int columns) {
        JTextField f = new JTextField(columns);
        f.setName(name);
        return f;
    }

    private JButton browse(JTextField target) {
        JButton b = new JButton(Bundle.CacheOptions_browse());
        b.addActionListener(e -> {
            JFileChooser c = new JFileChooser(target.getText());
            c.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            if (c.showOpenDialog(form) == JFileChooser.APPROVE_OPTION) {
                target.setText(c.getSelectedFile().getAbsolutePath());
            }
        });
        return b;
    }

    private static CacheConfiguration service() {
        return Lookup.getDefault().lookup(CacheConfiguration.class);
    }

    @Override
    public JComponent component() {
        return form;
    }

    @Override
    public void load() {
        CacheConfiguration s = service();
        if (s == null) {
            form.problem(Bundle.CacheOptions_none());
            return;
        }
        CacheConfig c = s.config();
        boolean follows = c.l1BudgetBytes() == CacheConfig.L1_FOLLOWS_MEMORY_PROFILE;
        followProfile.setSelected(follows);
        l1.setEnabled(!follows);
        l1.setText(follows ? "" : ByteSizes.setting(c.l1BudgetBytes()));
        l2Dir.setText(c.l2Dir().toString());
        l2Budget.setText(ByteSizes.setting(c.l2BudgetBytes()));
        l3Dir.setText(c.l3Dir().toString());
        l3Budget.setText(ByteSizes.setting(c.l3BudgetBytes()));
        List<String> by = s.overriddenBy();
        overridden.setText(by.isEmpty() ? " " : Bundle.CacheOptions_overridden(String.join(" ", by)));
    }

    /** What the fields say, or an exception whose message names the field and what is wrong. */
    private CacheConfig read() {
        long ram = followProfile.isSelected() ? CacheConfig.L1_FOLLOWS_MEMORY_PROFILE
                : size(Bundle.CacheOptions_l1(), l1);
        return new CacheConfig(ram, folder(Bundle.CacheOptions_l2Dir(), l2Dir), size(Bundle.CacheOptions_l2Budget(),
                l2Budget), folder(Bundle.CacheOptions_l3Dir(), l3Dir), size(Bundle.CacheOptions_l3Budget(), l3Budget));
    }

    private static long size(String label, JTextField f) {
        try {
            return ByteSizes.parse(f.getText());
        } catch (IllegalArgumentException ex) {
            throw new FieldProblem(Bundle.CacheOptions_notValid(label.replace(":", ""), ex.getMessage()), ex);
        }
    }

    private static Path folder(String label, JTextField f) {
        String t = f.getText().trim();
        // only the form of the path here: whether the folder can be made is the cache's to check, off this thread
        if (t.isEmpty() || !new File(t).isAbsolute()) {
            throw new FieldProblem(Bundle.CacheOptions_notValid(label.replace(":", ""),
                    Bundle.CacheOptions_absolute()), null);
        }
        return Path.of(t);
    }

    @Override
    public String problem() {
        if (service() == null) {
            return form.problem(Bundle.CacheOptions_none());
        }
        try {
            read();
            return form.problem("");
        } catch (FieldProblem ex) {
            return form.problem(ex.getMessage());
        } catch (IllegalArgumentException ex) { // each field fine, together not (e.g. L2 and L3 in one folder)
            return form.problem(Bundle.CacheOptions_notValidAll(ex.getMessage()));
        }
    }

    @Override
    public void store() {
        CacheConfiguration s = service();
        CacheConfig c = read();
        SettingsSaving.inBackground(RP, "The cache settings", () -> s.setConfig(c));
    }

    /** A field that cannot be read; its message names the field. */
    private static final class FieldProblem extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        FieldProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
