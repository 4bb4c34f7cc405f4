package org.tsperf.memory.ui;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.NbBundle.Messages;
import org.tsperf.ui.support.OptionsTab;
import org.tsperf.ui.support.OptionsTabController;

/** Tools &gt; Options &gt; Performance &gt; Memory. */
@OptionsPanelController.SubRegistration(location = "Performance", id = "Memory",
        displayName = "#OptionsTab_Name_Memory", keywords = "#OptionsTab_Keywords_Memory",
        keywordsCategory = "Performance/Memory", position = 300)
@Messages({
    "OptionsTab_Name_Memory=Memory",
    "OptionsTab_Keywords_Memory=memory profile ram heap buffers pools"
})
public final class MemoryOptionsPanelController extends OptionsTabController {

    @Override
    protected OptionsTab createTab() {
        return new MemoryOptionsPanel(this);
    }

    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.memory.options"); // the Options dialog's Help button: the user guide's section
    }
}
