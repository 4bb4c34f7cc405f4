package org.tsperf.memory;

import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;

/** Physical memory from OSHI (the same figures as the Performance Monitor). */
final class OshiSystemMemory implements SystemMemory {

    private final GlobalMemory memory = new SystemInfo().getHardware().getMemory();

    @Override
    public long totalBytes() {
        return memory.getTotal();
    }

    @Override
    public long availableBytes() {
        return memory.getAvailable();
    }
}
