package org.tsperf.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskSpec;

/** A task of the crash test: a number of 20 ms steps, logging its start and its end to runs.log. */
@ServiceProvider(service = TaskHandler.class)
public final class StepsHandler implements TaskHandler {

    static final String KIND = "test.steps";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(TaskSpec spec, TaskContext ctx) throws Exception {
        Path log = Path.of(spec.parameters().get("log"));
        int steps = Integer.parseInt(spec.parameters().get("steps"));
        append(log, spec.title() + " start " + ctx.attempt());
        for (int i = 1; i <= steps; i++) {
            ctx.checkCancelled();
            Thread.sleep(20);
            ctx.progress(i, steps, "step " + i);
        }
        append(log, spec.title() + " end " + ctx.attempt());
    }

    private static synchronized void append(Path log, String line) throws IOException {
        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }
}
