package org.tsperf.playback.ui;

import java.nio.file.Path;
import org.openide.util.lookup.ServiceProvider;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;
import org.tsperf.api.playback.MediaViewer;

/** Opens files in the Viewer window for other modules (the Proxy Manager's "Open in Viewer"). */
@ServiceProvider(service = MediaViewer.class)
public final class ViewerOpener implements MediaViewer {

    @Override
    public void show(Path file) {
        showInViewer(file);
    }

    static void showInViewer(Path file) {
        TopComponent tc = WindowManager.getDefault().findTopComponent(ViewerTopComponent.ID);
        if (tc instanceof ViewerTopComponent viewer) {
            viewer.open();
            viewer.requestActive();
            viewer.openFile(file);
        }
    }
}
