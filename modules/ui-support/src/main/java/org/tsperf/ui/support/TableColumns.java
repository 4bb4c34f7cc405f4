package org.tsperf.ui.support;

import java.awt.Component;
import javax.swing.JTable;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;

/** Column sizes of the live windows' tables. Event thread only. */
public final class TableColumns {

    private TableColumns() {
    }

    /**
     * Preferred widths, in column order (the long texts get the room), and a minimum for every column of its header's
     * width: when the table is narrower than the sum, the columns shrink in proportion but no header is cut off
     * ("Prior...").
     */
    public static void widths(JTable table, int... preferred) {
        for (int i = 0; i < preferred.length && i < table.getColumnCount(); i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(preferred[i]);
        }
        keepHeadersWhole(table);
    }

    /** Gives every column at least the width of its header's text. */
    public static void keepHeadersWhole(JTable table) {
        JTableHeader header = table.getTableHeader();
        if (header == null) {
            return;
        }
        for (int i = 0; i < table.getColumnCount(); i++) {
            TableColumn column = table.getColumnModel().getColumn(i);
            TableCellRenderer r = column.getHeaderRenderer() != null ? column.getHeaderRenderer()
                    : header.getDefaultRenderer();
            Component c = r.getTableCellRendererComponent(table, column.getHeaderValue(), false, false, -1, i);
            int needed = c.getPreferredSize().width + 2;
            column.setMinWidth(Math.min(needed, column.getMaxWidth()));
            if (column.getPreferredWidth() < needed) {
                column.setPreferredWidth(needed);
            }
        }
    }
}
