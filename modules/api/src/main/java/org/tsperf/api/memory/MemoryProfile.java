package org.tsperf.api.memory;

import java.util.Comparator;
import java.util.List;

/**
 * Budgets for a machine size: heap (-Xmx), off-heap buffer pools and the L1 cache. Their sum plus the JVM's own
 * needs is what the process may occupy as resident memory.
 */
public record MemoryProfile(String name, long machineBytes, long heapBytes, long poolBytes, long cacheBytes) {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    /** The built-in profiles, smallest machine first. */
    public static final List<MemoryProfile> PROFILES = List.of(
            new MemoryProfile("4 GB machine", 4 * GIB, 768 * MIB, 512 * MIB, 256 * MIB),
            new MemoryProfile("8 GB machine", 8 * GIB, 1024 * MIB, 1024 * MIB, 512 * MIB),
            new MemoryProfile("16 GB machine", 16 * GIB, 2 * GIB, 2 * GIB, 2 * GIB),
            new MemoryProfile("32 GB machine", 32 * GIB, 4 * GIB, 5 * GIB, 5 * GIB),
            new MemoryProfile("64 GB machine", 64 * GIB, 8 * GIB, 12 * GIB, 12 * GIB));

    public MemoryProfile {
        if (name == null || name.isBlank() || machineBytes <= 0 || heapBytes <= 0 || poolBytes <= 0 || cacheBytes <= 0) {
            throw new IllegalArgumentException("a profile needs a name and positive budgets");
        }
    }

    /** Heap, pools and cache together. */
    public long totalBytes() {
        return heapBytes + poolBytes + cacheBytes;
    }

    /** The largest profile whose machine size is at most {@code physicalBytes} (plus 20 %: "8 GB" machines report less, after firmware and graphics take their share). */
    public static MemoryProfile forMachine(long physicalBytes) {
        return PROFILES.stream().filter(p -> p.machineBytes <= physicalBytes * 1.2)
                .max(Comparator.comparingLong(MemoryProfile::machineBytes)).orElse(PROFILES.get(0));
    }

    /** The profile named e.g. "8 GB machine" or just "8". */
    public static MemoryProfile named(String name) {
        for (MemoryProfile p : PROFILES) {
            if (p.name.equalsIgnoreCase(name) || p.name.startsWith(name + " ")) {
                return p;
            }
        }
        throw new IllegalArgumentException("no memory profile " + name + "; known: "
                + PROFILES.stream().map(MemoryProfile::name).toList());
    }
}
