package org.tsperf.help;

import org.openide.modules.ModuleInstall;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;

/** Closes the guide's window when this module is switched off at runtime (Tools > Plugins) or the application exits. */
public final class HelpLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        closeGuide();
    }

    @Override
    public void close() {
        closeGuide();
    }

    private static void closeGuide() {
        for (HelpCtx.Displayer d : Lookup.getDefault().lookupAll(HelpCtx.Displayer.class)) {
            if (d instanceof GuideDisplayer guide) {
                guide.close();
            }
        }
    }
}
