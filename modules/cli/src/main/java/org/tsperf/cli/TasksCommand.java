package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tsperf.api.tasks.TaskBenchmark;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskJournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tsperf tasks list|bench}: the background task system from the command line. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "The background task system: the journal of a user directory, and its benchmark.",
        subcommands = {TasksCommand.ListCommand.class, TasksCommand.BenchCommand.class})
final class TasksCommand {

    /** The workbench's default user directory (the launcher's default_userdir). */
    static Path defaultUserdir() {
        return Path.of(System.getProperty("user.home"), ".tsperf", "0.1");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the queued, interrupted and finished tasks in the task journal of a user directory.",
                "Tasks shown as interrupted were running when the workbench stopped; it resumes them at its next start."})
    static final class ListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--userdir", paramLabel = "DIR", description = "The workbench's user directory (default: ~/.tsperf/0.1).")
        Path userdir;

        @Option(names = "--json", description = "Print one JSON object instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            TaskJournalReader reader = Services.require(TaskJournalReader.class, "Background Tasks");
            Path dir = userdir != null ? userdir : defaultUserdir();
            List<TaskInfo> tasks = reader.read(dir);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Object> rows = new ArrayList<>();
                for (TaskInfo t : tasks) {
                    rows.add(Json.object("id", t.id().value(), "kind", t.spec().kind(), "title", t.spec().title(),
                            "queue", t.spec().type().name(), "priority", t.spec().priority().name(),
                            "state", t.state().name(), "reason", t.reason(), "attempts", t.attempts(),
                            "submitted", t.submitted().toString(), "ended", t.ended() == null ? null : t.ended().toString(),
                            "dependsOn", t.spec().dependsOn().stream().map(id -> id.value()).sorted().toList(),
                            "parameters", Map.copyOf(t.spec().parameters())));
                }
                out.println(Json.line(Json.object("journal", reader.journalFile(dir).toString(), "tasks", rows)));
                return 0;
            }
            out.println("Task journal " + reader.journalFile(dir) + ": " + tasks.size() + " task(s)");
            for (TaskInfo t : tasks) {
                out.printf(Locale.ROOT, "%-12s %-18s %-8s %s%s%n", t.state().name().toLowerCase(Locale.ROOT),
                        t.spec().type().displayName(), "x" + t.attempts(), t.spec().title(),
                        t.reason().isEmpty() ? "" : "  (" + t.reason() + ")");
            }
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Measure scheduling overhead against a plain ThreadPoolExecutor in the same run.")
    static final class BenchCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--tasks", paramLabel = "N", defaultValue = "100000",
                description = "Trivial tasks in the throughput run (default: ${DEFAULT-VALUE}).")
        int tasks;

        @Option(names = "--journal-tasks", paramLabel = "N", defaultValue = "2000",
                description = "Tasks in the journal-cost run (default: ${DEFAULT-VALUE}).")
        int journalTasks;

        @Option(names = "--json", description = "Print one JSON object instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (tasks < 1 || journalTasks < 1) {
                throw new ParameterException(spec.commandLine(), "--tasks and --journal-tasks must be at least 1");
            }
            TaskBenchmark bench = Services.require(TaskBenchmark.class, "Background Tasks");
            List<TaskBenchmark.Measurement> results = bench.run(tasks, journalTasks);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Object> rows = new ArrayList<>();
                for (TaskBenchmark.Measurement m : results) {
                    rows.add(Json.object("name", m.name(), "value", m.value(), "baseline", m.baseline(),
                            "unit", m.unit(), "baselineName", m.baselineName(), "ratio", m.ratio(),
                            "higherIsBetter", m.higherIsBetter()));
                }
                out.println(Json.line(Json.object("cores", Runtime.getRuntime().availableProcessors(), "results", rows)));
                return 0;
            }
            out.printf(Locale.ROOT, "%-58s %14s %14s %8s%n", "measurement", "task system", "baseline", "ratio");
            for (TaskBenchmark.Measurement m : results) {
                out.printf(Locale.ROOT, "%-58s %14s %14s %8.2f   (baseline: %s)%n", m.name(),
                        String.format(Locale.ROOT, "%.1f %s", m.value(), m.unit()),
                        String.format(Locale.ROOT, "%.1f %s", m.baseline(), m.unit()), m.ratio(), m.baselineName());
            }
            return 0;
        }
    }
}
