package org.tsperf.ui.support;

import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * The layout of an Options tab: rows of a label and its field, then a message line that says what is not valid.
 * Event thread only.
 */
public class OptionsForm extends JPanel {

    private final JLabel problem = new JLabel(" ");
    private int rows;

    public OptionsForm(String name) {
        super(new GridBagLayout());
        setName(name);
        problem.setName(name + "Problem");
    }

    /** Adds a row: {@code label} (may be empty) left, {@code field} right. */
    public final void row(String label, JComponent field) {
        GridBagConstraints l = new GridBagConstraints();
        l.gridx = 0;
        l.gridy = rows;
        l.anchor = GridBagConstraints.NORTHWEST;
        l.insets = new Insets(4, 4, 4, 8);
        JLabel text = new JLabel(label);
        text.setLabelFor(field);
        add(text, l);
        GridBagConstraints f = new GridBagConstraints();
        f.gridx = 1;
        f.gridy = rows;
        f.weightx = 1;
        f.fill = GridBagConstraints.HORIZONTAL;
        f.anchor = GridBagConstraints.NORTHWEST;
        f.insets = new Insets(4, 0, 4, 4);
        add(field, f);
        rows++;
    }

    /** Fields in one row, left to right. */
    public static JPanel inline(JComponent... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        for (JComponent c : parts) {
            p.add(c);
        }
        return p;
    }

    /** Ends the form: the message line, then room that takes the rest of the height. */
    public final void finish() {
        row("", problem);
        GridBagConstraints rest = new GridBagConstraints();
        rest.gridy = rows;
        rest.weighty = 1;
        add(new JPanel(), rest);
    }

    /** Shows {@code text} as what is wrong (empty: nothing) and hands it back. */
    public final String problem(String text) {
        problem.setText(text.isEmpty() ? " " : text);
        return text;
    }
}
