package org.tsperf.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.netbeans.spi.options.OptionsPanelController;

class OptionsTabControllerTest {

    /** A tab whose one value must be positive; counts what the controller asks of it. */
    private static final class NumberTab implements OptionsTab {
        final OptionsForm form = new OptionsForm("numberTab");
        int value = 1;
        int stored;
        int loads;

        NumberTab() {
            form.finish();
        }

        @Override
        public JComponent component() {
            return form;
        }

        @Override
        public void load() {
            loads++;
        }

        @Override
        public void store() {
            stored = value;
        }

        @Override
        public String problem() {
            return form.problem(value > 0 ? "" : "Not valid: the number must be positive (was " + value + ")");
        }
    }

    private static final class Controller extends OptionsTabController {
        final NumberTab tab = new NumberTab();

        @Override
        protected OptionsTab createTab() {
            return tab;
        }
    }

    @Test
    void validityFollowsTheTabAndOkStoresOnlyWhatChanged() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            Controller c = new Controller();
            List<String> events = new ArrayList<>();
            c.addPropertyChangeListener(e -> events.add(e.getPropertyName()));
            c.update();
            assertEquals(1, c.tab.loads);
            assertFalse(c.isChanged());
            c.applyChanges();
            assertEquals(0, c.tab.stored, "nothing changed: nothing stored");

            c.tab.value = -2;
            c.changed();
            assertTrue(c.isChanged());
            assertEquals(List.of(OptionsPanelController.PROP_CHANGED, OptionsPanelController.PROP_VALID), events);
            assertFalse(c.isValid());
            JLabel line = java.util.Arrays.stream(c.tab.form.getComponents()).filter(x -> "numberTabProblem".equals(
                    x.getName())).map(JLabel.class::cast).findFirst().orElseThrow();
            assertEquals("Not valid: the number must be positive (was -2)", line.getText());
            c.applyChanges();
            assertEquals(0, c.tab.stored, "a value that is not valid is never stored");

            c.tab.value = 5;
            c.changed();
            assertTrue(c.isValid());
            c.applyChanges();
            assertEquals(5, c.tab.stored);
            assertFalse(c.isChanged());
        });
    }
}
