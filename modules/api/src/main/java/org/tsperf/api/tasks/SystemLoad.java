package org.tsperf.api.tasks;

/**
 * The machine's load now, as fractions 0 to 1, for the capacity check.
 *
 * @param cpu    share of all processors in use
 * @param memory share of physical memory in use
 * @param gpu    share of the GPU in use (0 when no GPU figures exist)
 */
public record SystemLoad(double cpu, double memory, double gpu) {

    public static final SystemLoad IDLE = new SystemLoad(0, 0, 0);
}
