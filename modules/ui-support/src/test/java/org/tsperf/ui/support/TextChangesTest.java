package org.tsperf.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.EventQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JTextField;
import org.junit.jupiter.api.Test;

class TextChangesTest {

    @Test
    void runsOnEveryChangeOfTheText() throws Exception {
        EventQueue.invokeAndWait(() -> {
            JTextField field = new JTextField();
            AtomicInteger changes = new AtomicInteger();
            TextChanges.onChange(field, changes::incrementAndGet);
            field.setText("abc");
            assertEquals(1, changes.get(), "typed or set");
            field.setText("");
            assertEquals(2, changes.get(), "removed");
            field.setText("x");
            field.setText("y"); // a replacement is a removal and an insertion
            assertEquals(5, changes.get());
        });
    }
}
