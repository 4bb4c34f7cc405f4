package org.tsperf.api.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void smallCountsAreKibibytesWithOneDecimal() {
        assertEquals("0.0 KiB", ByteSizes.format(0));
        assertEquals("1.0 KiB", ByteSizes.format(1023));
        assertEquals("1.0 KiB", ByteSizes.format(1024));
        assertEquals("1024.0 KiB", ByteSizes.format((1 << 20) - 1));
    }

    @Test
    void switchesUnitAtEachBinaryBoundary() {
        assertEquals("1.0 MiB", ByteSizes.format(1 << 20));
        assertEquals("1.5 MiB", ByteSizes.format(3L << 19));
        assertEquals("1.00 GiB", ByteSizes.format(1L << 30));
        assertEquals("1.50 GiB", ByteSizes.format(3L << 29));
    }

    @Test
    void largestCountStaysInGibibytes() {
        assertEquals("8589934592.00 GiB", ByteSizes.format(Long.MAX_VALUE));
    }
}
