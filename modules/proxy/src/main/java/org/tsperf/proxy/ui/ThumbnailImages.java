package org.tsperf.proxy.ui;

import java.awt.image.BufferedImage;
import org.tsperf.api.media.Thumbnail;

/** Pixel conversion for the Proxy Manager's thumbnail strip. */
final class ThumbnailImages {

    private ThumbnailImages() {
    }

    /** An RGB thumbnail (3 bytes a pixel, rows top to bottom) as an image Swing can show. */
    static BufferedImage image(Thumbnail t) {
        BufferedImage img = new BufferedImage(t.width(), t.height(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[t.width()];
        byte[] rgb = t.rgb();
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                int i = (y * t.width() + x) * 3;
                row[x] = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
            }
            img.setRGB(0, y, t.width(), 1, row, 0, t.width());
        }
        return img;
    }
}
