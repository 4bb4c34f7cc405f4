package org.tsperf.render;

import org.openide.modules.ModuleInstall;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.PreviewRenderService;

/** Stops background preview rendering's thread when the module is disabled or the application exits. */
public final class RenderLifecycle extends ModuleInstall {

    @Override
    public void uninstalled() {
        closePreviews();
    }

    @Override
    public void close() {
        closePreviews();
    }

    private static void closePreviews() {
        for (PreviewRenderService s : Lookup.getDefault().lookupAll(PreviewRenderService.class)) {
            if (s instanceof DefaultPreviewRenderService service) {
                service.close();
            }
        }
    }
}
