package org.tsperf.playback.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import javax.swing.JComponent;
import org.tsperf.api.playback.Picture;

/**
 * Paints the picture on screen. Pictures are copied into an image on the player's thread ({@link #accept}); the
 * event thread only draws the last finished image, turned and fitted: no decoding, scaling or I/O here.
 */
final class PictureView extends JComponent {

    private final Object lock = new Object();
    /** The image being painted and the one being filled; swapped under the lock once filled. */
    private BufferedImage front;
    private BufferedImage back;
    private int rotation;
    private long frameIndex = -1;
    private volatile String overlay = "";
    private volatile String message = "";

    PictureView() {
        setOpaque(true);
        setBackground(Color.BLACK);
        setName("picture");
    }

    /** Copies a picture into the back image and makes it the front one. Called on the player's thread. */
    void accept(Picture picture) {
        int w = picture.rgba().width();
        int h = picture.rgba().height();
        BufferedImage target = back;
        if (target == null || target.getWidth() != w || target.getHeight() != h) {
            target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        }
        int[] pixels = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        ByteBuffer rgba = picture.rgba().data();
        for (int i = 0, n = w * h; i < n; i++) {
            int o = 4 * i;
            pixels[i] = (rgba.get(o) & 0xFF) << 16 | (rgba.get(o + 1) & 0xFF) << 8 | (rgba.get(o + 2) & 0xFF);
        }
        synchronized (lock) {
            back = front;
            front = target;
            rotation = picture.rotation();
            frameIndex = picture.index();
        }
        repaint();
    }

    /** The frame index of the picture painted next (for tests and the status line). */
    long frameIndex() {
        synchronized (lock) {
            return frameIndex;
        }
    }

    /** The RGB of the pixel at (x, y) of the unturned picture, or -1 without one (tests compare with the file). */
    int rgbAt(int x, int y) {
        synchronized (lock) {
            return front == null || x >= front.getWidth() || y >= front.getHeight() ? -1
                    : front.getRGB(x, y) & 0xFFFFFF;
        }
    }

    void clear(String why) {
        synchronized (lock) {
            front = null;
            frameIndex = -1;
        }
        message = why;
        repaint();
    }

    void setMessage(String text) {
        message = text;
        repaint();
    }

    void setOverlay(String text) {
        overlay = text;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(getBackground());
            g2.fillRect(0, 0, getWidth(), getHeight());
            synchronized (lock) {
                if (front != null) {
                    drawFitted(g2, front, rotation);
                }
            }
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setFont(getFont().deriveFont(Font.PLAIN, Math.max(12f, getFont().getSize2D())));
            String m = message;
            if (!m.isEmpty()) {
                g2.setColor(new Color(0xFF, 0x8A, 0x80));
                int y = getHeight() / 2;
                for (String line : m.split("\n")) {
                    int x = Math.max(8, (getWidth() - g2.getFontMetrics().stringWidth(line)) / 2);
                    g2.drawString(line, x, y);
                    y += g2.getFontMetrics().getHeight();
                }
            }
            String o = overlay;
            if (!o.isEmpty()) {
                g2.setColor(new Color(0, 0, 0, 160));
                int w = g2.getFontMetrics().stringWidth(o) + 12;
                g2.fillRect(6, 6, w, g2.getFontMetrics().getHeight() + 6);
                g2.setColor(Color.WHITE);
                g2.drawString(o, 12, 9 + g2.getFontMetrics().getAscent());
            }
        } finally {
            g2.dispose();
        }
    }

    /** Draws the image turned by the source's rotation and fitted to the view, keeping its aspect. */
    private void drawFitted(Graphics2D g2, BufferedImage image, int degrees) {
        boolean sideways = degrees % 180 != 0;
        double iw = sideways ? image.getHeight() : image.getWidth();
        double ih = sideways ? image.getWidth() : image.getHeight();
        double scale = Math.min(getWidth() / iw, getHeight() / ih);
        AffineTransform t = new AffineTransform();
        t.translate(getWidth() / 2.0, getHeight() / 2.0);
        t.rotate(Math.toRadians(degrees));
        t.scale(scale, scale);
        t.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(image, t, null);
    }
}
