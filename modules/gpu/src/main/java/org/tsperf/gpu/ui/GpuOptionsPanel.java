package org.tsperf.gpu.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.gpu.GpuDeviceChoice;
import org.tsperf.api.gpu.GpuDeviceInfo;
import org.tsperf.api.gpu.GpuInformation;
import org.tsperf.ui.support.OptionsForm;
import org.tsperf.ui.support.OptionsTab;
import org.tsperf.ui.support.OptionsTabController;
import org.tsperf.ui.support.SettingsSaving;

/**
 * Where frame operations run: automatic, one Vulkan device, or the CPU reference. The devices are listed off the
 * event thread (the first listing opens Vulkan); until then the stored choice is shown as it is.
 */
@Messages({
    "GpuOptions_device=Frame operations run on:",
    "GpuOptions_automatic=Automatic (the best device, the faster path)",
    "GpuOptions_cpu=CPU reference",
    "# {0} - device name",
    "# {1} - device type",
    "GpuOptions_deviceItem={0} ({1})",
    "# {0} - device name",
    "GpuOptions_absent={0} (not present)",
    "GpuOptions_listing=Listing the devices...",
    "GpuOptions_when=A new choice applies at once: frames running now finish on the device they started on.",
    "# {0} - the start option",
    "GpuOptions_overridden=The start option {0} decides instead.",
    "GpuOptions_none=The GPU module's settings service is not available."
})
final class GpuOptionsPanel implements OptionsTab {

    private static final Logger LOG = Logger.getLogger(GpuOptionsPanel.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("tsperf-gpu-options", 1);
    private final OptionsForm form = new OptionsForm("gpuOptions");
    private final JComboBox<Item> device = new JComboBox<>();
    private final JLabel status = new JLabel(" ");
    private boolean filling;

    /** One entry: the stored value and its text. */
    private record Item(String value, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    GpuOptionsPanel(OptionsTabController controller) {
        device.setName("gpuDevice");
        status.setName("gpuOptionsStatus");
        device.addActionListener(e -> {
            if (!filling) {
                controller.changed();
            }
        });
        form.row(Bundle.GpuOptions_device(), OptionsForm.inline(device));
        form.row("", new JLabel(Bundle.GpuOptions_when()));
        form.row("", status);
        form.finish();
    }

    private static GpuDeviceChoice service() {
        return Lookup.getDefault().lookup(GpuDeviceChoice.class);
    }

    @Override
    public JComponent component() {
        return form;
    }

    @Override
    public void load() {
        GpuDeviceChoice s = service();
        if (s == null) {
            return;
        }
        String current = s.current();
        fill(List.of(), current);
        String forced = s.overriddenBy().orElse(null);
        device.setEnabled(forced == null);
        status.setText(forced == null ? Bundle.GpuOptions_listing() : Bundle.GpuOptions_overridden(forced));
        RP.post(() -> {
            List<GpuDeviceInfo> devices = devices();
            SwingUtilities.invokeLater(() -> {
                Item shown = (Item) device.getSelectedItem();
                fill(devices, shown == null ? current : shown.value());
                if (forced == null) {
                    status.setText(" ");
                }
            });
        });
    }

    private static List<GpuDeviceInfo> devices() {
        GpuInformation info = Lookup.getDefault().lookup(GpuInformation.class);
        try {
            return info == null ? List.of() : info.info().devices();
        } catch (RuntimeException ex) { // no Vulkan: automatic and the CPU remain
            LOG.log(Level.INFO, "the Vulkan devices cannot be listed", ex);
            return List.of();
        }
    }

    /** Automatic, the devices, the CPU; {@code selected} chosen (added as "not present" when no device has it). */
    private void fill(List<GpuDeviceInfo> devices, String selected) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(GpuDeviceChoice.AUTOMATIC, Bundle.GpuOptions_automatic()));
        devices.forEach(d -> items.add(new Item(d.name(), Bundle.GpuOptions_deviceItem(d.name(), d.type()))));
        items.add(new Item(GpuDeviceChoice.CPU, Bundle.GpuOptions_cpu()));
        if (items.stream().noneMatch(i -> i.value().equals(selected))) {
            items.add(items.size() - 1, new Item(selected, Bundle.GpuOptions_absent(selected)));
        }
        filling = true;
        try {
            device.setModel(new DefaultComboBoxModel<>(items.toArray(Item[]::new)));
            items.stream().filter(i -> i.value().equals(selected)).findFirst().ifPresent(device::setSelectedItem);
        } finally {
            filling = false;
        }
    }

    @Override
    public String problem() {
        return form.problem(service() == null ? Bundle.GpuOptions_none() : "");
    }

    @Override
    public void store() {
        GpuDeviceChoice s = service();
        Item chosen = (Item) device.getSelectedItem();
        if (chosen == null || chosen.value().equals(s.current())) {
            return;
        }
        // off the event thread: choose waits for the running frames
        SettingsSaving.inBackground(RP, "The GPU settings", () -> s.choose(chosen.value()));
    }
}
