package org.tsperf.api.tasks;

/** Base priority of a task; waiting raises a task's effective priority so that none starves. */
public enum TaskPriority {
    /** Needed for what is on screen now; runs even while the user is busy. */
    CRITICAL(1000),
    HIGH(100),
    NORMAL(10),
    LOW(1);

    private final int weight;

    TaskPriority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
