/**
 * What the product's windows and Options tabs share. Tools &gt; Options &gt; Performance is registered here: one
 * category whose tabs ({@link org.tsperf.ui.support.OptionsTabController} subclasses, registered with
 * {@code @OptionsPanelController.SubRegistration(location = "Performance")}) come from the feature modules, so a
 * module's tab comes and goes with the module.
 */
@OptionsPanelController.ContainerRegistration(id = "Performance",
        categoryName = "#OptionsCategory_Name_Performance", iconBase = "org/tsperf/ui/support/performance32.png",
        keywords = "#OptionsCategory_Keywords_Performance", keywordsCategory = "Performance", position = 900)
@NbBundle.Messages({
    "OptionsCategory_Name_Performance=Performance",
    "OptionsCategory_Keywords_Performance=performance proxies cache memory gpu background tasks workers"
})
package org.tsperf.ui.support;

import org.netbeans.spi.options.OptionsPanelController;
import org.openide.util.NbBundle;
