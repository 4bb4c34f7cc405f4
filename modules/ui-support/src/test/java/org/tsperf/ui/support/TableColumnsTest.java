package org.tsperf.ui.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.TableColumn;
import org.junit.jupiter.api.Test;

class TableColumnsTest {

    @Test
    void aNarrowTableShrinksItsColumnsButNoHeaderBelowItsText() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JTable table = new JTable(new ReadOnlyTableModel("Task", "Queue", "Priority", "State", "Progress", "ETA",
                    "Reason"));
            TableColumns.widths(table, 200, 80, 10, 70, 90, 50, 420);
            table.setSize(560, 100);
            table.doLayout();
            for (int i = 0; i < table.getColumnCount(); i++) {
                TableColumn c = table.getColumnModel().getColumn(i);
                Component h = table.getTableHeader().getDefaultRenderer().getTableCellRendererComponent(table,
                        c.getHeaderValue(), false, false, -1, i);
                assertTrue(c.getWidth() >= h.getPreferredSize().width, c.getHeaderValue() + " is " + c.getWidth()
                        + " wide, its header needs " + h.getPreferredSize().width);
            }
        });
    }
}
