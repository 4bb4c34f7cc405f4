package org.tsperf.api.cache;

/** The levels of the cache, fastest first. */
public enum CacheLevel {
    /** RAM, weighed in bytes, budget from the memory manager. */
    L1,
    /** A fast disk ("SSD"). */
    L2,
    /** A large disk ("HDD"). */
    L3
}
