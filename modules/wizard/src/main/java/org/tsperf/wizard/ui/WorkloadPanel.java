package org.tsperf.wizard.ui;

import java.awt.BorderLayout;
import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.SpinnerNumberModel;
import org.openide.WizardDescriptor;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.optimize.MediaDescription;
import org.tsperf.api.optimize.SystemDescription;
import org.tsperf.api.optimize.WorkloadDescription;

/** Step 2: the media the Proxy Manager knows; when there are none the user says what they edit. */
@Messages({
    "LBL_Workload=Workload",
    "LBL_TypicalMedia=What you edit (no media known):",
    "LBL_ProjectMinutes=Typical project length in minutes of footage:"
})
final class WorkloadPanel extends StepPanel {

    /** What a user may say when the Proxy Manager knows no media. */
    static final List<MediaDescription> TYPICAL = List.of(
            new MediaDescription(1920, 1080, "h264", 25, 0),
            new MediaDescription(3840, 2160, "h264", 30, 0),
            new MediaDescription(3840, 2160, "hevc", 50, 0),
            new MediaDescription(7680, 4320, "hevc", 25, 0));

    private final JTextArea text = new JTextArea(10, 60);
    private final JComboBox<String> typical = new JComboBox<>();
    private final JSpinner minutes = new JSpinner(new SpinnerNumberModel(10, 1, 100_000, 1));
    private final JPanel ask = new JPanel();

    WorkloadPanel(WizardModel model) {
        super(Bundle.LBL_Workload(), model);
    }

    @Override
    protected JComponent build() {
        text.setEditable(false);
        text.setName("workloadText");
        typical.setName("typicalMedia");
        minutes.setName("projectMinutes");
        for (MediaDescription m : TYPICAL) {
            typical.addItem(m.width() + "x" + m.height() + " " + m.codec() + ", " + (int) m.frameRate() + " fps");
        }
        typical.setSelectedIndex(1);
        ask.add(new JLabel(Bundle.LBL_TypicalMedia()));
        ask.add(typical);
        JPanel length = new JPanel();
        length.add(new JLabel(Bundle.LBL_ProjectMinutes()));
        length.add(minutes);
        JPanel south = new JPanel(new BorderLayout());
        south.add(ask, BorderLayout.NORTH);
        south.add(length, BorderLayout.SOUTH);
        JPanel p = new JPanel(new BorderLayout(4, 4));
        p.add(new JScrollPane(text), BorderLayout.CENTER);
        p.add(south, BorderLayout.SOUTH);
        return p;
    }

    @Override
    protected void shown() {
        SystemDescription s = model.system();
        text.setText(Describe.workload(s.workload()));
        ask.setVisible(s.workload().media().isEmpty());
        if (s.workload().projectSeconds() > 0) {
            minutes.setValue((int) Math.max(1, Math.round(s.workload().projectSeconds() / 60)));
        }
    }

    @Override
    public void storeSettings(WizardDescriptor settings) {
        SystemDescription s = model.system();
        double seconds = ((Number) minutes.getValue()).doubleValue() * 60;
        List<MediaDescription> media = s.workload().media();
        if (ask.isVisible()) {
            MediaDescription m = TYPICAL.get(typical.getSelectedIndex());
            media = List.of(new MediaDescription(m.width(), m.height(), m.codec(), m.frameRate(), seconds));
        }
        model.setWorkload(new WorkloadDescription(media, seconds));
    }
}
