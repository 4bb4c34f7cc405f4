package org.tsperf.api.memory;

import java.time.Duration;
import java.util.Objects;

/**
 * @param bytes        the size wanted
 * @param minimumBytes the smallest size the caller can work with; under pressure the request is halved down to it
 * @param timeout      how long to wait in the priority queue when nothing can be freed
 */
public record AllocationRequest(long bytes, long minimumBytes, Priority priority, BufferKind kind, Duration timeout) {

    public AllocationRequest {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeout, "timeout");
        if (bytes < 1 || bytes > Integer.MAX_VALUE || minimumBytes < 1 || minimumBytes > bytes || timeout.isNegative()) {
            throw new IllegalArgumentException("need 1 <= minimumBytes <= bytes <= 2^31-1 and a timeout >= 0, not "
                    + minimumBytes + " / " + bytes + " / " + timeout);
        }
    }

    /** A request that cannot be shrunk. */
    public static AllocationRequest exactly(long bytes, Priority priority, BufferKind kind, Duration timeout) {
        return new AllocationRequest(bytes, bytes, priority, kind, timeout);
    }
}
