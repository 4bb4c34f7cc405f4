package org.tsperf.tasks.ui;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.HelpCtx;
import org.openide.util.NbBundle.Messages;
import org.tsperf.ui.support.OptionsTab;
import org.tsperf.ui.support.OptionsTabController;

/** Tools &gt; Options &gt; Performance &gt; Background Tasks. */
@OptionsPanelController.SubRegistration(location = "Performance", id = "BackgroundTasks",
        displayName = "#OptionsTab_Name_Tasks", keywords = "#OptionsTab_Keywords_Tasks",
        keywordsCategory = "Performance/BackgroundTasks", position = 500)
@Messages({
    "OptionsTab_Name_Tasks=Background Tasks",
    "OptionsTab_Keywords_Tasks=background tasks workers queues thumbnails renders deferral stall watchdog"
})
public final class TasksOptionsPanelController extends OptionsTabController {

    @Override
    protected OptionsTab createTab() {
        return new TasksOptionsPanel(this);
    }

    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.tasks.options"); // the Options dialog's Help button: the user guide's section
    }
}
