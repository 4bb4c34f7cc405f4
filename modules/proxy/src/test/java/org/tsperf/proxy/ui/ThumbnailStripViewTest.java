package org.tsperf.proxy.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strip fits any size it is given: never cut, aspect kept, never enlarged past the size it was made at. */
class ThumbnailStripViewTest {

    private static ThumbnailStripView strip(int width, int height) {
        ThumbnailStripView strip = new ThumbnailStripView(8, new Dimension(160, 90));
        List<BufferedImage> pictures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pictures.add(new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB));
        }
        strip.showPictures(pictures, Collections.nCopies(8, "t"));
        strip.setSize(width, height);
        strip.doLayout();
        return strip;
    }

    @Test
    void narrowerThanTheStripScalesEveryThumbnailDownWhole() {
        ThumbnailStripView strip = strip(700, 200);
        assertEquals(8, strip.getComponentCount());
        for (var c : strip.getComponents()) {
            ThumbnailStripView.Cell cell = (ThumbnailStripView.Cell) c;
            assertTrue(new Rectangle(strip.getSize()).contains(cell.getBounds()), "the cell is inside the strip: "
                    + cell.getBounds());
            Rectangle p = cell.pictureBounds();
            assertTrue(new Rectangle(cell.getSize()).contains(p), "the picture is inside its cell: " + p);
            assertTrue(p.width < 160 && p.width >= 80, "scaled down to fit: " + p);
            assertEquals(16 / 9.0, p.width / (double) p.height, 0.05, "aspect kept: " + p);
        }
    }

    @Test
    void lowerThanTheStripScalesToTheHeightAndLargerNeverEnlarges() {
        for (var c : strip(1400, 40).getComponents()) {
            Rectangle p = ((ThumbnailStripView.Cell) c).pictureBounds();
            assertTrue(p.height <= 40 && p.y >= 0, "fits the height: " + p);
        }
        for (var c : strip(3000, 400).getComponents()) {
            Rectangle p = ((ThumbnailStripView.Cell) c).pictureBounds();
            assertEquals(new Dimension(160, 90), p.getSize(), "shown at the size it was made");
        }
    }

    @Test
    void anEmptyStripKeepsItsRoomSoTheLayoutDoesNotJump() {
        ThumbnailStripView strip = new ThumbnailStripView(8, new Dimension(160, 90));
        Dimension empty = strip.getPreferredSize();
        assertEquals(90, empty.height);
        strip.showPictures(List.of(new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB)), List.of("t"));
        strip.clear();
        assertEquals(0, strip.getComponentCount());
        assertEquals(empty, strip.getPreferredSize());
    }
}
