package org.tsperf.proxy.ui;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JPanel;

/**
 * The Proxy Manager's thumbnail strip: one cell per thumbnail, side by side, each picture scaled down to fit the
 * space the window gives it (aspect kept, never enlarged), so the strip is never cut and needs no scroll bar,
 * whatever the window's size. Event thread only.
 */
final class ThumbnailStripView extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final int GAP = 4;

    private final int count;
    private final Dimension cell;

    /**
     * @param count how many thumbnails a strip has
     * @param cell  the size of one thumbnail as made (the strip's preferred size is room for all at that size)
     */
    ThumbnailStripView(int count, Dimension cell) {
        super(new GridLayout(1, count, GAP, 0));
        this.count = count;
        this.cell = new Dimension(cell);
        setName("thumbnailStrip");
    }

    /** Shows these pictures, in order, replacing what was shown. */
    void showPictures(List<BufferedImage> pictures, List<String> tips) {
        removeAll();
        for (int i = 0; i < pictures.size(); i++) {
            add(new Cell(pictures.get(i), tips.get(i)));
        }
        revalidate();
        repaint();
    }

    /** Shows nothing (no source selected, or its strip is being made). */
    void clear() {
        if (getComponentCount() > 0) {
            removeAll();
            revalidate();
            repaint();
        }
    }

    /** Room for a whole strip at the size it was made, also while it is empty (the layout does not jump). */
    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        Insets in = getInsets();
        return new Dimension(count * cell.width + (count - 1) * GAP + in.left + in.right,
                cell.height + in.top + in.bottom);
    }

    @Override
    public Dimension getMinimumSize() {
        if (isMinimumSizeSet()) {
            return super.getMinimumSize();
        }
        Insets in = getInsets();
        return new Dimension(count * 16 + (count - 1) * GAP + in.left + in.right, 9 + in.top + in.bottom);
    }

    /** One thumbnail, painted as large as its cell allows up to its own size, centred. */
    static final class Cell extends JComponent {

        private static final long serialVersionUID = 1L;
        private final transient BufferedImage picture;

        Cell(BufferedImage picture, String tip) {
            this.picture = picture;
            setName("thumbnail");
            setToolTipText(tip);
            setOpaque(false);
        }

        @Override
        public Dimension getPreferredSize() {
            return new Dimension(picture.getWidth(), picture.getHeight());
        }

        @Override
        public Dimension getMinimumSize() {
            return new Dimension(16, 9);
        }

        /** Where the picture is painted within this cell. */
        Rectangle pictureBounds() {
            double scale = Math.min(1.0, Math.min(getWidth() / (double) picture.getWidth(),
                    getHeight() / (double) picture.getHeight()));
            int w = Math.max(1, (int) Math.floor(picture.getWidth() * scale));
            int h = Math.max(1, (int) Math.floor(picture.getHeight() * scale));
            return new Rectangle((getWidth() - w) / 2, (getHeight() - h) / 2, w, h);
        }

        @Override
        protected void paintComponent(Graphics g) {
            Rectangle r = pictureBounds();
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g2.drawImage(picture, r.x, r.y, r.width, r.height, null);
            } finally {
                g2.dispose();
            }
        }
    }
}
