package org.tsperf.ui.support;

import javax.swing.JComponent;

/**
 * One tab of Tools &gt; Options &gt; Performance, driven by its {@link OptionsTabController}. All methods run on the
 * event thread: {@link #load} reads the module's settings service (cheap: no file), {@link #store} hands the work of
 * saving and applying to a background thread.
 */
public interface OptionsTab {

    /** The tab's panel. */
    JComponent component();

    /** Shows the stored settings. */
    void load();

    /** Saves and applies what the tab shows; called only when {@link #problem} is empty. */
    void store();

    /** Empty when what the tab shows can be saved; else what is wrong, also shown in the tab's message line. */
    String problem();
}
