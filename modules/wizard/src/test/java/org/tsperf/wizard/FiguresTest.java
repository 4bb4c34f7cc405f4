package org.tsperf.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tsperf.api.optimize.DiskKind;

class FiguresTest {

    @Test
    void sizesRoundTripInTheFormTheCacheOptionsTake() {
        assertEquals("8G", Figures.size(8L << 30));
        assertEquals("512M", Figures.size(512L << 20));
        assertEquals(8L << 30, Figures.parseSize("8G"));
        assertEquals(512L << 20, Figures.parseSize(" 512m "));
        assertEquals(1234, Figures.parseSize("1234"));
        assertThrows(IllegalArgumentException.class, () -> Figures.parseSize("lots"));
    }

    @Test
    void nvmeIsKnownByItsDeviceNameAndOtherNamesAreUnknown() {
        assertEquals(DiskKind.NVME, DiskSurvey.kindOf("/dev/nvme0n1p2"));
        assertEquals(DiskKind.UNKNOWN, DiskSurvey.kindOf("overlay"));
    }
}
