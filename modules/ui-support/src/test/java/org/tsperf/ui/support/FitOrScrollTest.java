package org.tsperf.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class FitOrScrollTest {

    @Test
    void fillsARoomyWindowAndKeepsItsReadableSizeInAShortOne() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JPanel content = new JPanel(new java.awt.BorderLayout());
            content.add(new JButton("Run Now"));
            JScrollPane scroll = FitOrScroll.wrap(content, new Dimension(500, 300));

            layOut(scroll, 900, 700);
            assertEquals(new Dimension(900, 700), content.getSize(), "fills a roomy window");
            assertFalse(scroll.getVerticalScrollBar().isVisible());

            layOut(scroll, 900, 150);
            assertEquals(300, content.getHeight(), "keeps its readable height in a short dock");
            assertTrue(scroll.getVerticalScrollBar().isVisible(), "and scrolls");
            assertEquals(new Dimension(500, 300), FitOrScroll.readableSize(content.getComponent(0)));
        });
    }

    private static void layOut(JScrollPane scroll, int w, int h) {
        scroll.setSize(w, h);
        scroll.doLayout();
        scroll.getViewport().doLayout();
        scroll.doLayout();
        scroll.getViewport().doLayout();
        ((JPanel) scroll.getViewport().getView()).doLayout();
    }
}
