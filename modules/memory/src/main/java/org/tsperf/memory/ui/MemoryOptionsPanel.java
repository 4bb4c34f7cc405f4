package org.tsperf.memory.ui;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.memory.MemoryConfiguration;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.ui.support.OptionsForm;
import org.tsperf.ui.support.OptionsTab;
import org.tsperf.ui.support.OptionsTabController;
import org.tsperf.ui.support.SettingsSaving;

/** The memory profile: automatic (this machine's) or one of the built-in ones. */
@Messages({
    "MemoryOptions_profile=Memory profile:",
    "MemoryOptions_automatic=Automatic (the profile of this machine's memory)",
    "# {0} - profile name",
    "# {1} - heap",
    "# {2} - buffer pools",
    "# {3} - L1 cache",
    "MemoryOptions_item={0}: heap {1}, frame buffers {2}, L1 cache {3}",
    "MemoryOptions_restart=A new profile takes effect after a restart (the buffer pools are sized at start).",
    "# {0} - the start option",
    "MemoryOptions_overridden=The start option {0} decides instead.",
    "MemoryOptions_none=The memory module's settings service is not available."
})
final class MemoryOptionsPanel implements OptionsTab {

    private static final RequestProcessor RP = new RequestProcessor("tsperf-memory-options", 1);
    private final OptionsForm form = new OptionsForm("memoryOptions");
    private final JComboBox<String> profile = new JComboBox<>();
    private final JLabel overridden = new JLabel(" ");

    MemoryOptionsPanel(OptionsTabController controller) {
        profile.setName("memoryProfile");
        profile.addItem(MemoryConfiguration.AUTOMATIC);
        MemoryProfile.PROFILES.forEach(p -> profile.addItem(p.name()));
        profile.setRenderer(new DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> list, Object value, int index,
                    boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, describe(String.valueOf(value)), index, selected,
                        focus);
            }
        });
        profile.addActionListener(e -> controller.changed());
        form.row(Bundle.MemoryOptions_profile(), OptionsForm.inline(profile));
        form.row("", new JLabel(Bundle.MemoryOptions_restart()));
        form.row("", overridden);
        form.finish();
    }

    private static String describe(String name) {
        if (name.isEmpty()) {
            return Bundle.MemoryOptions_automatic();
        }
        MemoryProfile p = MemoryProfile.named(name);
        return Bundle.MemoryOptions_item(p.name(), ByteSizes.format(p.heapBytes()), ByteSizes.format(p.poolBytes()),
                ByteSizes.format(p.cacheBytes()));
    }

    private static MemoryConfiguration service() {
        return Lookup.getDefault().lookup(MemoryConfiguration.class);
    }

    @Override
    public JComponent component() {
        return form;
    }

    @Override
    public void load() {
        MemoryConfiguration s = service();
        if (s == null) {
            return;
        }
        profile.setSelectedItem(s.profile());
        overridden.setText(s.overriddenBy().map(Bundle::MemoryOptions_overridden).orElse(" "));
    }

    @Override
    public String problem() {
        return form.problem(service() == null ? Bundle.MemoryOptions_none() : "");
    }

    @Override
    public void store() {
        MemoryConfiguration s = service();
        String chosen = (String) profile.getSelectedItem();
        SettingsSaving.inBackground(RP, "The memory profile settings", () -> s.setProfile(chosen));
    }
}
