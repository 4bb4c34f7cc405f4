package org.tsperf.proxy.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Dimension;
import javax.swing.JButton;
import org.junit.jupiter.api.Test;

/** The Proxy Manager's button row never makes its window wider than the room it has: it wraps. */
class WrappingRowTest {

    private static WrappingRow row() {
        WrappingRow row = new WrappingRow();
        for (int i = 0; i < 9; i++) {
            JButton b = new JButton("x");
            b.setPreferredSize(new Dimension(100 + i, 30));
            row.add(b);
        }
        return row;
    }

    @Test
    void itsMinimumIsItsWidestButtonAndNarrowRoomWrapsIntoRows() {
        WrappingRow row = row();
        Dimension oneRow = row.getPreferredSize();
        assertEquals(30 + 2 * 5, oneRow.height, "one row while it has no width yet");
        assertTrue(oneRow.width > 900, oneRow.toString());
        assertEquals(108 + 2 * 5, row.getMinimumSize().width, "as narrow as its widest button");

        Dimension narrow = row.sizeAt(350); // three buttons a row
        assertEquals(3 * 30 + 2 * 5 + 2 * 5, narrow.height, "three rows: " + narrow);
        assertTrue(narrow.width <= 350, narrow.toString());

        row.setBounds(0, 0, 350, oneRow.height);
        row.doLayout();
        int lowest = 0;
        for (Component c : row.getComponents()) {
            assertTrue(c.getX() + c.getWidth() <= 350, "every button within the width: " + c.getBounds());
            lowest = Math.max(lowest, c.getY() + c.getHeight());
        }
        assertEquals(narrow.height - 5, lowest, "laid out as measured");
        assertEquals(narrow, row.getPreferredSize(), "asks for the rows it needs at its width");
    }
}
