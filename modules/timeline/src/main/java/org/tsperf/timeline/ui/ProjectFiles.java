package org.tsperf.timeline.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JFileChooser;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.NbPreferences;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;
import org.tsperf.api.timeline.ProjectFileException;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.TimelineService;

/**
 * File &gt; New Project, Open Project..., Save Project and Save Project As...: the file choosers on the event thread,
 * reading and writing through {@link TimelineService} on a background thread, an error in a dialog that names the
 * file. A project opens in a Timeline window of its own.
 */
@Messages({
    "ProjectFiles_filter=Timeline projects (*.tsproj, *.json)",
    "ProjectFiles_openTitle=Open Project",
    "ProjectFiles_saveTitle=Save Project As",
    "# {0} - file, {1} - why",
    "ProjectFiles_openFailed=Cannot open the project {0}:\n{1}",
    "# {0} - file, {1} - why",
    "ProjectFiles_saveFailed=Cannot save the project to {0}:\n{1}",
    "ProjectFiles_noTimeline=No Timeline window is open: open or make a project first (File > Open Project or New"
        + " Project)",
    "# {0} - file",
    "ProjectFiles_saved=Saved to {0}"
})
final class ProjectFiles {

    private static final Logger LOG = Logger.getLogger(ProjectFiles.class.getName());
    private static final String LAST_FOLDER = "lastProjectFolder";
    static final String EXTENSION = "tsproj";

    private ProjectFiles() {
    }

    /** A new, empty project in a new Timeline window. Event thread. */
    static void newProject() {
        TimelineTopComponent tc = new TimelineTopComponent();
        tc.open();
        tc.requestActive();
    }

    /** Asks for a project file and opens it off the event thread; event thread. */
    static void open() {
        JFileChooser chooser = chooser(Bundle.ProjectFiles_openTitle());
        if (chooser.showOpenDialog(WindowManager.getDefault().getMainWindow()) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        remember(chooser.getSelectedFile());
        open(chooser.getSelectedFile().toPath());
    }

    /** Reads {@code file} on a background thread and shows it in a new Timeline window. Any thread. */
    static void open(Path file) {
        RequestProcessor.getDefault().post(() -> {
            try {
                TimelineDocument doc = Lookup.getDefault().lookup(TimelineService.class).open(file);
                SwingUtilities.invokeLater(() -> {
                    TimelineTopComponent tc = new TimelineTopComponent(doc);
                    tc.open();
                    tc.requestActive();
                });
            } catch (ProjectFileException ex) {
                LOG.log(Level.INFO, "cannot open project " + file, ex);
                error(Bundle.ProjectFiles_openFailed(file, ex.getMessage()));
            }
        });
    }

    /** Saves the current Timeline's project to its file, or asks for one. Event thread. */
    static void save(boolean askForFile) {
        Optional<TimelineTopComponent> current = current();
        if (current.isEmpty()) {
            error(Bundle.ProjectFiles_noTimeline());
            return;
        }
        TimelineDocument doc = current.get().document();
        Path file = doc.file().orElse(null);
        if (askForFile || file == null) {
            JFileChooser chooser = chooser(Bundle.ProjectFiles_saveTitle());
            if (file != null) {
                chooser.setSelectedFile(file.toFile());
            }
            if (chooser.showSaveDialog(WindowManager.getDefault().getMainWindow()) != JFileChooser.APPROVE_OPTION) {
                return;
            }
            File chosen = chooser.getSelectedFile();
            remember(chosen);
            file = chosen.getName().contains(".") ? chosen.toPath()
                    : chosen.toPath().resolveSibling(chosen.getName() + "." + EXTENSION);
        }
        save(current.get(), file);
    }

    /** Writes the window's project to {@code file} off the event thread. Any thread. */
    static void save(TimelineTopComponent tc, Path file) {
        RequestProcessor.getDefault().post(() -> {
            try {
                tc.document().saveAs(file);
                SwingUtilities.invokeLater(() -> tc.saved(file, Bundle.ProjectFiles_saved(file)));
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.INFO, "cannot save project to " + file, ex);
                error(Bundle.ProjectFiles_saveFailed(file, ex.getMessage() == null ? ex.toString()
                        : ex.getMessage()));
            }
        });
    }

    /** The Timeline window the user works in: the active one, else the one on screen. */
    static Optional<TimelineTopComponent> current() {
        TopComponent active = TopComponent.getRegistry().getActivated();
        if (active instanceof TimelineTopComponent tc) {
            return Optional.of(tc);
        }
        return TopComponent.getRegistry().getOpened().stream()
                .filter(t -> t instanceof TimelineTopComponent && t.isShowing())
                .map(t -> (TimelineTopComponent) t).findFirst();
    }

    private static JFileChooser chooser(String title) {
        JFileChooser chooser = new JFileChooser(NbPreferences.forModule(ProjectFiles.class).get(LAST_FOLDER,
                System.getProperty("user.home")));
        chooser.setDialogTitle(title);
        chooser.setFileFilter(new FileNameExtensionFilter(Bundle.ProjectFiles_filter(), EXTENSION, "json"));
        return chooser;
    }

    private static void remember(File chosen) {
        if (chosen.getParentFile() != null) {
            NbPreferences.forModule(ProjectFiles.class).put(LAST_FOLDER, chosen.getParent());
        }
    }

    private static void error(String message) {
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(message,
                NotifyDescriptor.ERROR_MESSAGE));
    }
}
