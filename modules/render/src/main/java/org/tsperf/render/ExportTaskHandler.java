package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.RenderProgress;

/**
 * Runs "render.export" tasks. The project travels in memory from {@link DefaultExportService} (an unsaved project has
 * no file to name in the journal); the journal keeps the output and temporary names, so an export found there after
 * a restart removes what the interrupted run left and fails, asking for the export again. Whatever ends an export
 * other than success (failure, cancel, interrupt) removes its temporary files; the output appears only when done.
 */
@ServiceProvider(service = TaskHandler.class)
public final class ExportTaskHandler implements TaskHandler {

    static final String KIND = "render.export";
    static final String OUTPUT = "output";
    static final String TAG = "tag";
    private static final Logger LOG = Logger.getLogger(ExportTaskHandler.class.getName());

    /** An export waiting for its task to run, and then its result. */
    static final class Pending {
        final ExportRequest request;
        final Consumer<RenderProgress> progress;
        volatile ExportResult result;

        Pending(ExportRequest request, Consumer<RenderProgress> progress) {
            this.request = request;
            this.progress = progress;
        }
    }

    private final Map<TaskId, Pending> pending = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    void expect(TaskId id, Pending p) {
        pending.put(id, p);
    }

    /** The export's outcome, once its task has ended; forgets it. */
    Pending forget(TaskId id) {
        return pending.remove(id);
    }

    @Override
    public void run(TaskSpec spec, TaskContext ctx) throws Exception {
        Path output = Path.of(spec.parameters().get(OUTPUT));
        Exporter.Temporaries temp = Exporter.Temporaries.of(output, spec.parameters().get(TAG));
        Pending p = pending.get(spec.id());
        if (p == null) {
            temp.delete();
            throw new IOException("the export to " + output + " was interrupted when the workbench stopped; its"
                    + " partial files are removed: export again");
        }
        boolean done = false;
        try {
            p.result = new Exporter(p.request, temp, ctx, p.progress).run();
            done = true;
        } finally {
            if (!done) {
                try {
                    temp.delete();
                } catch (IOException ex) {
                    LOG.log(Level.WARNING, "could not remove the temporary files of the export to " + output, ex);
                }
            }
        }
    }
}
