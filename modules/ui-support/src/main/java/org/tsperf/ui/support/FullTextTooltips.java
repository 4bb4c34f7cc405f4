package org.tsperf.ui.support;

import java.awt.Component;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableCellRenderer;

/**
 * Gives every cell (and column header) of a table whose text does not fit its width a tooltip with the whole text,
 * so that no cut-off text ("waiting for CP...") is unreadable. It wraps the table's renderers: the look of the cells
 * stays theirs. Event thread only.
 *
 * <pre>{@code
 * JTable table = new JTable(model);
 * FullTextTooltips.install(table); // after any setDefaultRenderer of the table's own
 * }</pre>
 */
public final class FullTextTooltips implements TableCellRenderer {

    /** The column classes JTable has default renderers for that show text. */
    private static final Class<?>[] TEXT_CLASSES = {Object.class, String.class, Number.class, Double.class,
        Float.class, java.util.Date.class};

    private final TableCellRenderer delegate;

    private FullTextTooltips(TableCellRenderer delegate) {
        this.delegate = delegate;
    }

    /** Wraps the table's default renderers for text and numbers, and its header's renderer. Idempotent. */
    public static void install(JTable table) {
        for (Class<?> type : TEXT_CLASSES) {
            TableCellRenderer r = table.getDefaultRenderer(type);
            if (r != null && !(r instanceof FullTextTooltips)) {
                table.setDefaultRenderer(type, new FullTextTooltips(r));
            }
        }
        JTableHeader header = table.getTableHeader();
        if (header != null && !(header.getDefaultRenderer() instanceof FullTextTooltips)) {
            header.setDefaultRenderer(new FullTextTooltips(header.getDefaultRenderer()));
            javax.swing.ToolTipManager.sharedInstance().registerComponent(header);
        }
    }

    /** Wraps one renderer (for a column with a renderer of its own). */
    public static TableCellRenderer wrap(TableCellRenderer renderer) {
        return renderer instanceof FullTextTooltips ? renderer : new FullTextTooltips(renderer);
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean isSelected, boolean hasFocus,
            int row, int column) {
        Component c = delegate.getTableCellRendererComponent(table, value, isSelected, hasFocus, row, column);
        if (c instanceof JLabel label) {
            int width = row < 0 ? table.getColumnModel().getColumn(column).getWidth()
                    : table.getCellRect(row, column, false).width;
            label.setToolTipText(cutOff(label, width) ? label.getText() : null);
        }
        return c;
    }

    /** Whether the label's text needs more than {@code width} pixels (its insets included). */
    static boolean cutOff(JLabel label, int width) {
        String text = label.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        Insets in = label.getInsets();
        int needed = label.getFontMetrics(label.getFont()).stringWidth(text) + in.left + in.right;
        if (label.getIcon() != null) {
            needed += label.getIcon().getIconWidth() + label.getIconTextGap();
        }
        return needed > width;
    }

    /** Whether a component shows its whole text (for tests and checks): false for a cut-off label. */
    public static boolean showsWholeText(JComponent c) {
        return !(c instanceof JLabel l) || !cutOff(l, l.getWidth());
    }
}
