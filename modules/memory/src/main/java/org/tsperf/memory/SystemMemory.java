package org.tsperf.memory;

/** The machine's physical memory, as the pressure levels need it. */
interface SystemMemory {

    long totalBytes();

    long availableBytes();
}
