package org.tsperf.api.tasks;

import java.util.Objects;
import java.util.UUID;

/** Identifies a task across restarts (it is the task's key in the journal). */
public record TaskId(String value) {

    public TaskId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.contains("\n")) {
            throw new IllegalArgumentException("bad task id: '" + value + "'");
        }
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
