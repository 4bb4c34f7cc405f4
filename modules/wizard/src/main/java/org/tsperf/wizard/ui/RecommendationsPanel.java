package org.tsperf.wizard.ui;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;
import org.openide.WizardDescriptor;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.optimize.Recommendation;
import org.tsperf.api.optimize.Recommendations;
import org.tsperf.api.optimize.Setting;

/** Step 4: one row per setting, its value editable, with the reason and the figure it rests on. */
@Messages({
    "LBL_Recommendations=Recommendations",
    "COL_Setting=Setting",
    "COL_Value=Value",
    "COL_Reason=Why",
    "COL_Figure=Figure"
})
final class RecommendationsPanel extends StepPanel {

    static final int VALUE = 1;

    private final DefaultTableModel rows = new DefaultTableModel(new Object[]{Bundle.COL_Setting(),
        Bundle.COL_Value(), Bundle.COL_Reason(), Bundle.COL_Figure()}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return column == VALUE;
        }
    };
    private final JTable table = new JTable(rows);

    RecommendationsPanel(WizardModel model) {
        super(Bundle.LBL_Recommendations(), model);
    }

    @Override
    protected JComponent build() {
        table.setName("recommendations");
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        table.getColumnModel().getColumn(0).setPreferredWidth(110);
        table.getColumnModel().getColumn(1).setPreferredWidth(160);
        table.getColumnModel().getColumn(2).setPreferredWidth(420);
        table.getColumnModel().getColumn(3).setPreferredWidth(200);
        return new JScrollPane(table);
    }

    /** Recommending is a pure function: quick enough for the event thread. */
    @Override
    protected void shown() {
        rows.setRowCount(0);
        for (Recommendation r : model.recommendations().items()) {
            rows.addRow(new Object[]{r.setting().key(), r.value(), r.reason(), r.figure()});
        }
    }

    @Override
    public void storeSettings(WizardDescriptor settings) {
        if (table.isEditing()) {
            table.getCellEditor().stopCellEditing();
        }
        Recommendations r = model.recommendations();
        for (int i = 0; i < rows.getRowCount(); i++) {
            r = r.with(Setting.ofKey((String) rows.getValueAt(i, 0)), String.valueOf(rows.getValueAt(i, VALUE)).trim());
        }
        model.setRecommendations(r);
    }
}
