package org.tsperf.media.decode;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.openide.util.Lookup;
import org.tsperf.api.memory.AllocationRequest;
import org.tsperf.api.memory.BufferHandle;
import org.tsperf.api.memory.BufferKind;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.Priority;

/**
 * Where decoded frames live: buffers of the memory manager (kind VIDEO) when one is in Lookup, else a small pool of
 * direct buffers of our own. Under memory pressure the manager's request waits (by priority) up to
 * {@link #WAIT}; if it still has nothing, decoding fails with an {@link IllegalStateException} saying so, rather than
 * growing past the budget.
 */
final class FrameBuffers {

    /** How long a frame may wait for memory: a few frame times of playback, long enough for eviction to happen. */
    static final Duration WAIT = Duration.ofSeconds(5);
    /** Free buffers kept per size when there is no memory manager (a source rarely holds more frames at once). */
    private static final int POOLED_PER_SIZE = 8;
    private static final Map<Integer, Queue<ByteBuffer>> POOL = new ConcurrentHashMap<>();

    /** A frame's buffer and how to give it back. */
    interface Lease {
        ByteBuffer buffer();

        void release();
    }

    private FrameBuffers() {
    }

    static Lease take(long bytes, Priority priority) {
        MemoryManager memory = Lookup.getDefault().lookup(MemoryManager.class);
        if (memory != null) {
            return fromManager(memory, bytes, priority);
        }
        int size = Math.toIntExact(bytes);
        Queue<ByteBuffer> free = POOL.computeIfAbsent(size, s -> new ConcurrentLinkedQueue<>());
        ByteBuffer b = free.poll();
        ByteBuffer buffer = b != null ? b : ByteBuffer.allocateDirect(size);
        return new Lease() {
            private boolean released;

            @Override
            public ByteBuffer buffer() {
                return buffer;
            }

            @Override
            public synchronized void release() {
                if (!released) {
                    released = true;
                    if (free.size() < POOLED_PER_SIZE) {
                        free.offer(buffer);
                    }
                }
            }
        };
    }

    private static Lease fromManager(MemoryManager memory, long bytes, Priority priority) {
        Optional<BufferHandle> handle;
        try {
            handle = memory.allocate(AllocationRequest.exactly(bytes, priority, BufferKind.VIDEO, WAIT));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for memory for a decoded frame", ex);
        }
        BufferHandle h = handle.orElseThrow(() -> new IllegalStateException("no memory for a decoded frame ("
                + bytes / 1024 + " KiB, " + priority + " priority) within " + WAIT.toSeconds() + " s: the memory"
                + " budget is spent; close other sources or lower the cache size"));
        return new Lease() {
            @Override
            public ByteBuffer buffer() {
                return h.buffer();
            }

            @Override
            public void release() {
                h.release();
            }
        };
    }
}
