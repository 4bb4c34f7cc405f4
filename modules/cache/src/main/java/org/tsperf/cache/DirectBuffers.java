package org.tsperf.cache;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The direct memory of L1's values. Cached pictures live off the Java heap: a 2 MB picture on the heap is copied by
 * every young collection it survives, and at 60 cached pictures a second those copies were the 30-200 ms pauses of
 * scrubbing and looping. Buffers of a size that comes back (a picture size) are kept for reuse up to
 * {@link #FREE_BYTES}; others are freed at once where the JVM allows it, else when the garbage collector finds them.
 * Thread-safe.
 */
final class DirectBuffers {

    private static final Logger LOG = Logger.getLogger(DirectBuffers.class.getName());
    /** Free buffers kept for reuse at most (bytes). */
    static final long FREE_BYTES = 64L << 20;
    private static final MethodHandle FREE = freeHandle();

    private final Map<Integer, ArrayDeque<ByteBuffer>> free = new HashMap<>();
    private long freeBytes;

    private boolean warned;

    /**
     * A buffer holding a copy of {@code value}, position 0, limit its length; null when the JVM's direct memory
     * limit ({@code -XX:MaxDirectMemorySize}) leaves no room even after the kept buffers are freed: the value is then
     * simply not kept in RAM.
     */
    ByteBuffer copyOf(byte[] value) {
        ByteBuffer b = take(value.length);
        if (b == null) {
            b = allocate(value.length);
            if (b == null) {
                return null;
            }
        }
        b.put(0, value);
        return b;
    }

    private ByteBuffer allocate(int size) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return ByteBuffer.allocateDirect(size);
            } catch (OutOfMemoryError e) { // "Cannot reserve direct buffer memory": the limit, not the heap
                if (attempt == 0) {
                    trim();
                    continue;
                }
                synchronized (this) {
                    if (!warned) {
                        warned = true;
                        LOG.log(Level.WARNING, "the JVM's direct memory limit leaves no room for the RAM cache "
                                + "(start with -J-XX:MaxDirectMemorySize above the memory profile's pools and cache);"
                                + " values are not kept in RAM until memory is freed", e);
                    }
                }
            }
        }
        return null;
    }

    private synchronized ByteBuffer take(int size) {
        ArrayDeque<ByteBuffer> q = free.get(size);
        ByteBuffer b = q == null ? null : q.poll();
        if (b != null) {
            freeBytes -= size;
        }
        return b;
    }

    /** Gives a buffer back; the caller no longer reads or writes it. */
    void release(ByteBuffer b) {
        synchronized (this) {
            if (freeBytes + b.capacity() <= FREE_BYTES) {
                free.computeIfAbsent(b.capacity(), k -> new ArrayDeque<>()).push(b);
                freeBytes += b.capacity();
                return;
            }
        }
        free(b);
    }

    /** Frees every kept buffer (the budget shrank, the cache closes). */
    void trim() {
        java.util.List<ByteBuffer> all = new java.util.ArrayList<>();
        synchronized (this) {
            free.values().forEach(all::addAll);
            free.clear();
            freeBytes = 0;
        }
        all.forEach(DirectBuffers::free);
    }

    synchronized long freeBytes() {
        return freeBytes;
    }

    private static void free(ByteBuffer b) {
        if (FREE != null) {
            try {
                FREE.invoke(b);
            } catch (Throwable e) {
                LOG.log(Level.FINE, "cannot free a direct buffer at once; the garbage collector will", e);
            }
        }
    }

    /** {@code sun.misc.Unsafe.invokeCleaner}: frees a direct buffer now instead of at some later collection. */
    private static MethodHandle freeHandle() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field f = unsafeClass.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            return MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                    MethodType.methodType(void.class, ByteBuffer.class)).bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "direct buffers of the RAM cache are freed by the garbage collector ({0})",
                    e.toString());
            return null;
        }
    }
}
