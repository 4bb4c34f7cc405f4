package org.tsperf.playback.ui;

import java.nio.file.Path;
import java.util.Optional;
import javax.swing.SwingUtilities;
import org.openide.util.lookup.ServiceProvider;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;
import org.tsperf.api.playback.MediaViewer;
import org.tsperf.api.playback.Player;
import org.tsperf.api.timeline.Project;

/** Opens files and timelines in the Viewer window for other modules (Proxy Manager, Timeline). */
@ServiceProvider(service = MediaViewer.class)
public final class ViewerOpener implements MediaViewer {

    /** The Viewer, found on the event thread and remembered for the calls from other threads. */
    private volatile ViewerTopComponent viewer;

    @Override
    public void show(Path file) {
        showInViewer(file);
    }

    static void showInViewer(Path file) {
        ViewerTopComponent viewer = find();
        if (viewer != null) {
            viewer.open();
            viewer.requestActive();
            viewer.openFile(file);
        }
    }

    @Override
    public void showProject(Project project) {
        ViewerTopComponent v = find();
        if (v != null) {
            viewer = v;
            v.open();
            v.requestVisible(); // the Timeline keeps the focus: its space bar and ruler drive the Viewer
            v.openProject(project);
        }
    }

    @Override
    public void projectEdited(Project project) {
        ViewerTopComponent v = viewer;
        if (v != null) {
            v.projectEdited(project);
        }
    }

    @Override
    public Optional<Player> player() {
        ViewerTopComponent v = viewer;
        if (v == null && SwingUtilities.isEventDispatchThread()) {
            v = find();
            viewer = v;
        }
        return v == null ? Optional.empty() : v.currentPlayer();
    }

    private static ViewerTopComponent find() {
        TopComponent tc = WindowManager.getDefault().findTopComponent(ViewerTopComponent.ID);
        return tc instanceof ViewerTopComponent v ? v : null;
    }
}
