package org.tsperf.cache.ui;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.NbBundle.Messages;
import org.tsperf.ui.support.OptionsTab;
import org.tsperf.ui.support.OptionsTabController;

/** Tools &gt; Options &gt; Performance &gt; Cache. */
@OptionsPanelController.SubRegistration(location = "Performance", id = "Cache",
        displayName = "#OptionsTab_Name_Cache", keywords = "#OptionsTab_Keywords_Cache",
        keywordsCategory = "Performance/Cache", position = 200)
@Messages({
    "OptionsTab_Name_Cache=Cache",
    "OptionsTab_Keywords_Cache=cache ram l1 l2 l3 disk folder budget"
})
public final class CacheOptionsPanelController extends OptionsTabController {

    @Override
    protected OptionsTab createTab() {
        return new CacheOptionsPanel(this);
    }

    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.cache.options"); // the Options dialog's Help button: the user guide's section
    }
}
