package org.tsperf.api.cache;

/** One line of an access trace: {@code KEY SIZE_IN_BYTES}. */
public record TraceAccess(String key, long bytes) implements TraceEvent {

    public TraceAccess {
        if (key == null || key.isEmpty() || bytes < 1 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an access needs a key and 1 to 2^31-1 bytes: " + key + " " + bytes);
        }
    }
}
