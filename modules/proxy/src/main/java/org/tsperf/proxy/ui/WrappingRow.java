package org.tsperf.proxy.ui;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;
import javax.swing.JPanel;

/**
 * A row of buttons that wraps onto more lines when its window is narrower than the row, instead of making the window
 * wider than the room it has: its minimum width is its widest button. (A plain {@link FlowLayout} asks for the whole
 * row as its minimum, so the window docked beside others was laid out wider than its place and cut.) Event thread.
 */
final class WrappingRow extends JPanel {

    private static final long serialVersionUID = 1L;

    WrappingRow() {
        super(new FlowLayout(FlowLayout.LEFT));
    }

    private FlowLayout flow() {
        return (FlowLayout) getLayout();
    }

    /** The rows at the width the row has now; one row while it has none yet. */
    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        return sizeAt(getWidth() > 0 ? getWidth() : Integer.MAX_VALUE);
    }

    /** As narrow as its widest button, as high as its rows are now. */
    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        int widest = 0;
        for (Component c : getComponents()) {
            if (c.isVisible()) {
                widest = Math.max(widest, c.getPreferredSize().width);
            }
        }
        Insets in = getInsets();
        return new Dimension(widest + in.left + in.right + 2 * flow().getHgap(), getPreferredSize().height);
    }

    /** The size of the rows when they wrap at {@code width}, as {@link FlowLayout} lays them out. */
    Dimension sizeAt(int width) {
        FlowLayout f = flow();
        Insets in = getInsets();
        long room = (long) width - in.left - in.right - 2L * f.getHgap();
        int x = 0;
        int rowHeight = 0;
        int widest = 0;
        int height = 0;
        boolean any = false;
        for (Component c : getComponents()) {
            if (!c.isVisible()) {
                continue;
            }
            Dimension d = c.getPreferredSize();
            if (x > 0 && x + d.width > room) {
                widest = Math.max(widest, x);
                height += rowHeight + f.getVgap();
                x = 0;
                rowHeight = 0;
            }
            x += (x > 0 ? f.getHgap() : 0) + d.width;
            rowHeight = Math.max(rowHeight, d.height);
            any = true;
        }
        widest = Math.max(widest, x);
        height += any ? rowHeight : 0;
        return new Dimension(widest + in.left + in.right + 2 * f.getHgap(), height + in.top + in.bottom
                + 2 * f.getVgap());
    }

    /** A new width may wrap the rows differently: the window is laid out again with the height they need then. */
    @Override
    public void setBounds(int x, int y, int width, int height) {
        int before = getWidth();
        super.setBounds(x, y, width, height);
        if (width != before && sizeAt(width).height != height) {
            revalidate();
        }
    }
}
