package org.tsperf.ui.support;

import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;

/** Runs something whenever the text of a field changes (typed, pasted, removed or set). Event thread. */
public final class TextChanges {

    private TextChanges() {
    }

    /** Calls {@code changed} after every change of the field's text. */
    public static void onChange(JTextComponent field, Runnable changed) {
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                changed.run();
            }
        });
    }
}
