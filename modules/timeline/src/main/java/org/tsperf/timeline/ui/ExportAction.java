package org.tsperf.timeline.ui;

import java.awt.EventQueue;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotificationLineSupport;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.Project;

/**
 * File &gt; Export...: the Timeline's project to a file, on this machine (the default) or on a render cluster. The
 * dialog on the event thread; the export itself through {@link ExportRunner}, off it.
 */
@ActionID(category = "File", id = "org.tsperf.timeline.ui.ExportAction")
@ActionRegistration(displayName = "#CTL_ExportAction")
@ActionReference(path = "Menu/File", position = 120)
@Messages({
    "CTL_ExportAction=Export...",
    "ExportAction_title=Export",
    "ExportAction_empty=The project has no frames to export: add a clip first."
})
public final class ExportAction implements ActionListener {

    private static final Logger LOG = Logger.getLogger(ExportAction.class.getName());

    @Override
    public void actionPerformed(ActionEvent e) {
        Optional<TimelineTopComponent> current = ProjectFiles.current();
        if (current.isEmpty()) {
            notify(Bundle.ProjectFiles_noTimeline());
            return;
        }
        Project project = current.get().document().project();
        if (project.length() <= 0) {
            notify(Bundle.ExportAction_empty());
            return;
        }
        ExportPreferences prefs = ExportPreferences.forModule();
        Optional<ExportChoices> chosen = ask(prefs, project);
        if (chosen.isEmpty()) {
            return;
        }
        ExportChoices c = chosen.get();
        prefs.save(c);
        try {
            ExportWork work = ExportWork.of(c, Lookup.getDefault());
            ExportRunner.start(work, ExportRequest.whole(project, c.outputPath(), c.format()), c.onCluster());
        } catch (IOException ex) {
            LOG.log(Level.INFO, "cannot export", ex);
            notify(ex.getMessage());
        }
    }

    /** The dialog; OK only while {@link ExportChoices#problem()} finds nothing, which the message line says. */
    static Optional<ExportChoices> ask(ExportPreferences prefs, Project project) {
        ExportChoices last = prefs.load("");
        String file = safeName(project.name()) + "." + last.format().extension();
        ExportPanel panel = new ExportPanel(prefs.load(Path.of(prefs.folder(System.getProperty("user.home")))
                .resolve(file).toString()));
        DialogDescriptor d = descriptor(panel);
        if (DialogDisplayer.getDefault().notify(d) != DialogDescriptor.OK_OPTION) {
            return Optional.empty();
        }
        return Optional.of(panel.choices());
    }

    /** Where the dialog's file checks run: one at a time, off the event thread. */
    private static final Executor FILE_CHECKS = new RequestProcessor("Export dialog file checks", 1);

    /** The dialog around the panel, its files checked by {@link #FILE_CHECKS}. */
    static DialogDescriptor descriptor(ExportPanel panel) {
        return descriptor(panel, FILE_CHECKS);
    }

    /**
     * The dialog around the panel: OK enabled, and the message line empty, only while the choices can be used. The
     * form is checked on the event thread at each change; what needs a disk (the output's folder, the secret file)
     * on {@code fileChecks}, OK disabled until the answer for the latest choices arrives (a hung network mount
     * leaves OK disabled, never the event thread blocked).
     */
    static DialogDescriptor descriptor(ExportPanel panel, Executor fileChecks) {
        DialogDescriptor d = new DialogDescriptor(panel, Bundle.ExportAction_title());
        NotificationLineSupport line = d.createNotificationLineSupport();
        AtomicLong latest = new AtomicLong();
        Consumer<Optional<String>> show = problem -> {
            d.setValid(problem.isEmpty());
            if (problem.isPresent()) {
                line.setErrorMessage(problem.get());
            } else {
                line.clearMessages();
            }
        };
        Runnable check = () -> {
            ExportChoices choices = panel.choices();
            long asked = latest.incrementAndGet();
            Optional<String> form = choices.formProblem();
            if (form.isPresent()) {
                show.accept(form);
                return;
            }
            d.setValid(false);
            fileChecks.execute(() -> {
                Optional<String> files = choices.fileProblem();
                EventQueue.invokeLater(() -> {
                    if (latest.get() == asked) {
                        show.accept(files);
                    }
                });
            });
        };
        panel.onChange(check);
        check.run();
        return d;
    }

    private static String safeName(String name) {
        String s = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N} ._-]", "_").trim();
        return s.isEmpty() ? "export" : s;
    }

    private static void notify(String message) {
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(message,
                NotifyDescriptor.ERROR_MESSAGE));
    }
}
