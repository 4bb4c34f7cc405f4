package org.tsperf.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Component;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class FullTextTooltipsTest {

    private static final String LONG = "Waiting for the CPU: 92 % busy, this task adds about 50 %; it starts when the"
            + " machine is calmer. Run Now starts it at once.";

    @Test
    void aCutOffCellHasItsWholeTextAsTooltipAndAFittingOneNone() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            ReadOnlyTableModel model = new ReadOnlyTableModel("Task", "Reason");
            model.addRow(new Object[] {"Quarter proxy", LONG});
            model.addRow(new Object[] {"Thumbnail", "ok"});
            JTable table = new JTable(model);
            FullTextTooltips.install(table);
            table.setSize(400, 100);
            table.doLayout();
            assertEquals(LONG, tooltip(table, 0, 1), "the cut-off reason");
            assertNull(tooltip(table, 1, 1), "a reason that fits");
            assertNull(tooltip(table, 0, 0), "a title that fits");

            table.setSize(6000, 100);
            table.doLayout();
            assertNull(tooltip(table, 0, 1), "the reason once the column is wide enough");
        });
    }

    @Test
    void installingTwiceWrapsOnce() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JTable table = new JTable(new ReadOnlyTableModel("A"));
            FullTextTooltips.install(table);
            Object first = table.getDefaultRenderer(Object.class);
            FullTextTooltips.install(table);
            assertEquals(first, table.getDefaultRenderer(Object.class));
        });
    }

    private static String tooltip(JTable table, int row, int column) {
        Component c = table.prepareRenderer(table.getCellRenderer(row, column), row, column);
        return ((JComponent) c).getToolTipText();
    }
}
