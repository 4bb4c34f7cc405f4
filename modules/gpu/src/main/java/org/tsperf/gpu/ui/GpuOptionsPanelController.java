package org.tsperf.gpu.ui;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.NbBundle.Messages;
import org.tsperf.ui.support.OptionsTab;
import org.tsperf.ui.support.OptionsTabController;

/** Tools &gt; Options &gt; Performance &gt; GPU. */
@OptionsPanelController.SubRegistration(location = "Performance", id = "GPU",
        displayName = "#OptionsTab_Name_Gpu", keywords = "#OptionsTab_Keywords_Gpu",
        keywordsCategory = "Performance/GPU", position = 400)
@Messages({
    "OptionsTab_Name_Gpu=GPU",
    "OptionsTab_Keywords_Gpu=gpu vulkan device cpu graphics card"
})
public final class GpuOptionsPanelController extends OptionsTabController {

    @Override
    protected OptionsTab createTab() {
        return new GpuOptionsPanel(this);
    }

    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.gpu.options"); // the Options dialog's Help button: the user guide's section
    }
}
