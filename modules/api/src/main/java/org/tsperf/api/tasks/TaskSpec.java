package org.tsperf.api.tasks;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to run a task again after a restart: it is what the journal stores. The {@link TaskHandler}
 * registered for {@code kind} runs it.
 *
 * @param id         stable identity
 * @param kind       the handler's kind, e.g. "proxy.generate"
 * @param title      for people, e.g. "Quarter proxy of A001_C003.mov"
 * @param type       the queue it runs in
 * @param priority   base priority
 * @param estimate   expected resource use, checked against the machine's live load before it starts
 * @param parameters the handler's input, plain strings so that they survive in the journal
 * @param dependsOn  tasks that must end done before this one starts; if one fails or is cancelled, this one is
 *                   cancelled with that reason
 */
public record TaskSpec(TaskId id, String kind, String title, TaskType type, TaskPriority priority,
        ResourceEstimate estimate, Map<String, String> parameters, Set<TaskId> dependsOn) {

    public TaskSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(estimate, "estimate");
        parameters = Map.copyOf(parameters);
        dependsOn = Set.copyOf(dependsOn);
        if (dependsOn.contains(id)) {
            throw new IllegalArgumentException("task " + id + " depends on itself");
        }
    }

    /** A task with no parameters and no dependencies. */
    public static TaskSpec of(String kind, String title, TaskType type, TaskPriority priority, ResourceEstimate estimate) {
        return new TaskSpec(TaskId.random(), kind, title, type, priority, estimate, Map.of(), Set.of());
    }

    public TaskSpec withParameters(Map<String, String> newParameters) {
        return new TaskSpec(id, kind, title, type, priority, estimate, newParameters, dependsOn);
    }

    public TaskSpec dependingOn(Set<TaskId> tasks) {
        return new TaskSpec(id, kind, title, type, priority, estimate, parameters, tasks);
    }
}
