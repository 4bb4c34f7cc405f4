package org.tsperf.ui.support;

import java.awt.BorderLayout;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Rectangle;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * A window's content that fills the window where it docks when there is room, and keeps the size it needs to be
 * readable, with scroll bars, when there is not (a short bottom dock, a narrow side). Nothing is squashed below that
 * size or cut off without a way to reach it. Event thread only.
 *
 * <pre>{@code
 * add(FitOrScroll.wrap(content, new Dimension(560, 380)), BorderLayout.CENTER);
 * }</pre>
 */
public final class FitOrScroll {

    private FitOrScroll() {
    }

    /**
     * @param content  the window's content
     * @param readable the smallest size at which every control of the content is readable; below it, the content
     *                 keeps this size and scrolls
     * @return the scroll pane to add to the window (borderless)
     */
    public static JScrollPane wrap(JComponent content, Dimension readable) {
        View view = new View(content, readable);
        JScrollPane scroll = new JScrollPane(view);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.setViewportBorder(null);
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        scroll.getHorizontalScrollBar().setUnitIncrement(16);
        scroll.setName("fitOrScroll");
        return scroll;
    }

    /** The readable size given to {@link #wrap}, for a component inside such a scroll pane, or null. */
    public static Dimension readableSize(java.awt.Component inside) {
        for (Container p = inside.getParent(); p != null; p = p.getParent()) {
            if (p instanceof View v) {
                return new Dimension(v.readable);
            }
        }
        return null;
    }

    private static final class View extends JPanel implements Scrollable {

        private static final long serialVersionUID = 1L;
        private final Dimension readable;

        View(JComponent content, Dimension readable) {
            super(new BorderLayout());
            this.readable = new Dimension(readable);
            add(content, BorderLayout.CENTER);
            setMinimumSize(readable);
        }

        /** The readable size: what the content gets in a direction where the viewport is smaller. */
        @Override
        public Dimension getPreferredSize() {
            return new Dimension(readable);
        }

        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
            return orientation == SwingConstants.VERTICAL ? visible.height - 16 : visible.width - 16;
        }

        /** Fills the width while the viewport is at least as wide as the readable size; scrolls below. */
        @Override
        public boolean getScrollableTracksViewportWidth() {
            return getParent() instanceof JViewport v && v.getWidth() >= readable.width;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return getParent() instanceof JViewport v && v.getHeight() >= readable.height;
        }
    }
}
