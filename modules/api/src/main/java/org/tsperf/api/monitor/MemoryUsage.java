package org.tsperf.api.monitor;

/**
 * Memory of the machine and of this process, in bytes.
 *
 * @param physicalTotal   installed physical memory
 * @param physicalUsed    physical memory in use (total minus available)
 * @param processResident resident set size of this process (heap, off-heap buffers, code, native libraries)
 * @param heapUsed        JVM heap in use
 * @param heapMax         the JVM's maximum heap
 */
public record MemoryUsage(long physicalTotal, long physicalUsed, long processResident, long heapUsed, long heapMax) {

    public MemoryUsage {
        if (physicalTotal < 0 || physicalUsed < 0 || processResident < 0 || heapUsed < 0 || heapMax < 0) {
            throw new IllegalArgumentException("memory figures must not be negative");
        }
        if (physicalUsed > physicalTotal) {
            throw new IllegalArgumentException("used memory " + physicalUsed + " exceeds total " + physicalTotal);
        }
    }

    public double physicalPercent() {
        return Percent.of(physicalUsed, physicalTotal);
    }

    public double heapPercent() {
        return Percent.of(heapUsed, heapMax);
    }
}
