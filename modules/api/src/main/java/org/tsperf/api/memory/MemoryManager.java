package org.tsperf.api.memory;

import java.util.Optional;

/**
 * Off-heap buffers for frames and audio, within the budgets of a {@link MemoryProfile}. Provided by the memory
 * module. Every method may be called from any thread. It never throws {@link OutOfMemoryError}: under pressure it
 * frees what it may (thumbnails, audio unused for 30 s, low-priority video), shrinks the cache budget, halves the
 * request down to its minimum, then waits by priority until the request's timeout.
 */
public interface MemoryManager {

    /**
     * @return the buffer, or empty when the timeout passed with no memory for it
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<BufferHandle> allocate(AllocationRequest request) throws InterruptedException;

    PressureLevel pressure();

    MemoryProfile profile();

    /** What the L1 cache may hold now. */
    long cacheBudgetBytes();

    MemoryStatistics statistics();

    /** Frees idle buffers and the pools' free buffers; returns the bytes given back to the system. */
    long freeUnused();

    void addListener(MemoryListener listener);

    void removeListener(MemoryListener listener);
}
