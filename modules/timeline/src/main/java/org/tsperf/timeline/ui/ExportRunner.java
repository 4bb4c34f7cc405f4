package org.tsperf.timeline.ui;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.StatusDisplayer;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.RenderProgress;

/**
 * Runs an {@link ExportWork} on a thread of its own with its progress in the status bar; the progress bar's cancel
 * interrupts it. The outcome in the status bar (done, cancelled) or a dialog (failed, with the reason).
 */
@Messages({
    "# {0} - file", "ExportRunner_title=Exporting {0}",
    "# {0} - file", "ExportRunner_titleCluster=Exporting {0} on the cluster",
    "# {0} - frames done", "# {1} - frames", "# {2} - speed",
    "ExportRunner_progress={0}/{1} frames, {2}x real time",
    "# {0} - file", "# {1} - frames", "# {2} - seconds",
    "ExportRunner_done=Exported {0}: {1} frames in {2} s",
    "# {0} - file", "ExportRunner_cancelled=Export of {0} cancelled",
    "# {0} - file", "# {1} - why", "ExportRunner_failed=Cannot export {0}:\n{1}"
})
final class ExportRunner {

    private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());
    private static final RequestProcessor EXPORTS = new RequestProcessor(ExportRunner.class.getName(), 2, true);

    private ExportRunner() {
    }

    /** Starts the export; any thread. */
    static RequestProcessor.Task start(ExportWork work, ExportRequest request, boolean onCluster) {
        String file = request.output().getFileName().toString();
        RequestProcessor.Task[] task = new RequestProcessor.Task[1];
        ProgressHandle handle = ProgressHandle.createHandle(onCluster ? Bundle.ExportRunner_titleCluster(file)
                : Bundle.ExportRunner_title(file), () -> task[0].cancel());
        task[0] = EXPORTS.create(() -> run(work, request, handle, file));
        handle.start();
        handle.switchToIndeterminate();
        task[0].schedule(0);
        return task[0];
    }

    private static void run(ExportWork work, ExportRequest request, ProgressHandle handle, String file) {
        AtomicBoolean determinate = new AtomicBoolean();
        try {
            ExportResult r = work.run(request, p -> progress(handle, p, determinate));
            StatusDisplayer.getDefault().setStatusText(Bundle.ExportRunner_done(r.file(), String.valueOf(r.frames()),
                    String.format(Locale.ROOT, "%.1f", r.seconds())));
        } catch (InterruptedException ex) {
            LOG.log(Level.INFO, "export of {0} cancelled", request.output());
            StatusDisplayer.getDefault().setStatusText(Bundle.ExportRunner_cancelled(file));
        } catch (IOException | RuntimeException ex) {
            LOG.log(Level.WARNING, "export of " + request.output() + " failed", ex);
            DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(Bundle.ExportRunner_failed(
                    request.output(), ex.getMessage() == null ? ex.toString() : ex.getMessage()),
                    NotifyDescriptor.ERROR_MESSAGE));
        } finally {
            handle.finish();
        }
    }

    private static void progress(ProgressHandle handle, RenderProgress p, AtomicBoolean determinate) {
        if (p.framesTotal() <= 0) {
            return;
        }
        if (determinate.compareAndSet(false, true)) {
            handle.switchToDeterminate((int) Math.min(Integer.MAX_VALUE, p.framesTotal()));
        }
        handle.progress(Bundle.ExportRunner_progress(String.valueOf(p.framesDone()), String.valueOf(p.framesTotal()),
                String.format(Locale.ROOT, "%.2f", p.realTimeSpeed())),
                (int) Math.min(p.framesDone(), p.framesTotal()));
    }
}
