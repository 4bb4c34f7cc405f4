package org.tsperf.api.memory;

/** Told of memory events; called on a background thread of the memory manager. */
public interface MemoryListener {

    void pressureChanged(PressureLevel level);

    /** The L1 cache must fit in this many bytes from now on. */
    default void cacheBudgetChanged(long bytes) {
    }
}
