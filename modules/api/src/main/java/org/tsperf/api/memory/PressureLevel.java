package org.tsperf.api.memory;

/** How close the process and the machine are to running out of memory. */
public enum PressureLevel {
    NORMAL,
    ELEVATED,
    HIGH,
    CRITICAL
}
