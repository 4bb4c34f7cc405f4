package org.tsperf.tasks;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;

/**
 * What the journal keeps of a task, and its text form (java.util.Properties: readable with a text editor,
 * escapes everything, no extra library).
 */
record JournalRecord(TaskSpec spec, TaskState state, String reason, Instant submitted, Instant ended, int attempts) {

    private static final String PARAM = "param.";

    String encode() {
        Properties p = new Properties();
        p.setProperty("id", spec.id().value());
        p.setProperty("kind", spec.kind());
        p.setProperty("title", spec.title());
        p.setProperty("type", spec.type().name());
        p.setProperty("priority", spec.priority().name());
        ResourceEstimate e = spec.estimate();
        p.setProperty("estimate", e.cpu() + " " + e.memory() + " " + e.gpu() + " " + e.io() + " "
                + e.expectedDuration().toMillis());
        p.setProperty("dependsOn", spec.dependsOn().stream().map(TaskId::value).sorted().collect(Collectors.joining(" ")));
        spec.parameters().forEach((k, v) -> p.setProperty(PARAM + k, v));
        p.setProperty("state", state.name());
        p.setProperty("reason", reason);
        p.setProperty("submitted", submitted.toString());
        if (ended != null) {
            p.setProperty("ended", ended.toString());
        }
        p.setProperty("attempts", Integer.toString(attempts));
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // a StringWriter does not fail
        }
        return w.toString();
    }

    static JournalRecord decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        double[] e = Arrays.stream(p.getProperty("estimate").split(" ")).mapToDouble(Double::parseDouble).toArray();
        Map<String, String> params = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(PARAM)) {
                params.put(key.substring(PARAM.length()), p.getProperty(key));
            }
        }
        String deps = p.getProperty("dependsOn", "");
        Set<TaskId> dependsOn = deps.isBlank() ? Set.of()
                : Arrays.stream(deps.split(" ")).map(TaskId::new).collect(Collectors.toSet());
        TaskSpec spec = new TaskSpec(new TaskId(p.getProperty("id")), p.getProperty("kind"), p.getProperty("title"),
                TaskType.valueOf(p.getProperty("type")), TaskPriority.valueOf(p.getProperty("priority")),
                new ResourceEstimate(e[0], e[1], e[2], e[3], Duration.ofMillis((long) e[4])), params, dependsOn);
        String ended = p.getProperty("ended");
        return new JournalRecord(spec, TaskState.valueOf(p.getProperty("state")), p.getProperty("reason", ""),
                Instant.parse(p.getProperty("submitted")), ended == null ? null : Instant.parse(ended),
                Integer.parseInt(p.getProperty("attempts", "0")));
    }
}
