package org.tsperf.cache;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.tsperf.api.cache.CacheKey;

/**
 * A value in L1, held in direct memory ({@link DirectBuffers}), with its use for spill decisions and the entries
 * table. Readers copy the bytes out; once released the entry reads as gone, so that a reader racing an eviction
 * never sees a buffer that was handed to another value.
 */
final class RamEntry {

    final CacheKey key;
    final int length;
    final AtomicLong hits;
    volatile long lastAccessMillis;
    private final DirectBuffers buffers;
    private ByteBuffer value; // null once released

    private RamEntry(CacheKey key, int length, ByteBuffer value, long hits, DirectBuffers buffers) {
        this.key = key;
        this.length = length;
        this.buffers = buffers;
        this.value = value;
        this.hits = new AtomicLong(hits);
        this.lastAccessMillis = System.currentTimeMillis();
    }

    /** An entry holding a copy of {@code value}, or null when there is no direct memory for it. */
    static RamEntry of(CacheKey key, byte[] value, long hits, DirectBuffers buffers) {
        ByteBuffer b = buffers.copyOf(value);
        return b == null ? null : new RamEntry(key, value.length, b, hits, buffers);
    }

    void touch() {
        hits.incrementAndGet();
        lastAccessMillis = System.currentTimeMillis();
    }

    /** A copy of the value on the heap, or null when the entry was released meanwhile. */
    synchronized byte[] copyOut() {
        if (value == null) {
            return null;
        }
        byte[] out = new byte[length];
        value.get(0, out);
        return out;
    }

    /** Gives the memory back. Idempotent. */
    synchronized void release() {
        if (value != null) {
            buffers.release(value);
            value = null;
        }
    }
}
