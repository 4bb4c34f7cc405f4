package org.tsperf.api.memory;

import java.util.List;
import java.util.Map;

/**
 * @param poolBudgetBytes    the most the pools may occupy off-heap
 * @param poolCapacityBytes  what they occupy now
 * @param poolUsedBytes      in buffers lent out (in use or idle)
 * @param usedByPriority     bytes lent out per priority
 * @param cacheBudgetBytes   the L1 cache budget now (shrinks under pressure)
 * @param waiting            allocations waiting in the priority queue
 * @param timedOut           allocations that gave up after their timeout, since start
 * @param reclaimed          idle buffers taken back under pressure, since start
 * @param shrunk             allocations granted less than requested, since start
 */
public record MemoryStatistics(MemoryProfile profile, PressureLevel pressure, long poolBudgetBytes,
        long poolCapacityBytes, long poolUsedBytes, Map<Priority, Long> usedByPriority, List<PoolStatistics> pools,
        long cacheBudgetBytes, int waiting, long timedOut, long reclaimed, long shrunk, long heapUsedBytes,
        long heapMaxBytes, long systemTotalBytes, long systemAvailableBytes) {

    public MemoryStatistics {
        usedByPriority = Map.copyOf(usedByPriority);
        pools = List.copyOf(pools);
    }
}
