package org.tsperf.api.memory;

import java.nio.ByteBuffer;

/**
 * An off-heap buffer lent by the memory manager. Release it when done (it goes back to its pool). A holder that
 * keeps the content only as cached data marks it {@link #idle()}: under pressure the manager may then take it back,
 * and {@link #resume()} tells whether the content is still there.
 */
public interface BufferHandle extends AutoCloseable {

    /** The buffer, position 0, limit = the granted size. Invalid after release or reclaim. */
    ByteBuffer buffer();

    /** The granted size: the requested one, or less (never below the minimum) under pressure. */
    int size();

    Priority priority();

    BufferKind kind();

    /** The holder keeps the content only as cache: the manager may reclaim the buffer. */
    void idle();

    /** Takes the buffer back into use; false if it was reclaimed in between (the content is gone). */
    boolean resume();

    /** True once released or reclaimed. */
    boolean isGone();

    /** Returns the buffer to its pool. Idempotent. */
    void release();

    @Override
    default void close() {
        release();
    }
}
