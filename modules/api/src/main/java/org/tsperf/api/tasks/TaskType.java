package org.tsperf.api.tasks;

/** The queues of the background task system; each has its own priority queue and worker pool. */
public enum TaskType {
    PROXY("Proxies"),
    THUMBNAIL("Thumbnails"),
    RENDER("Renders"),
    CACHE_MAINTENANCE("Cache maintenance");

    private final String displayName;

    TaskType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
