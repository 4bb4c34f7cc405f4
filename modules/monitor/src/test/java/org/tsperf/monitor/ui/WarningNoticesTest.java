package org.tsperf.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningNoticesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void announcesAKindOnceWhileItLastsAndWithdrawsItWhenItGoes() {
        WarningNotices n = new WarningNotices(600 * SECOND);
        WarningNotices.Changes c = n.sampled(List.of("Memory usage high: 86 % of 8.0 GiB"), 0);
        assertEquals(List.of("Memory usage high: 86 % of 8.0 GiB"), c.announce());
        // the figures change every second: still the same warning
        assertTrue(n.sampled(List.of("Memory usage high: 88 % of 8.0 GiB"), SECOND).none());
        c = n.sampled(List.of("Memory usage high: 88 % of 8.0 GiB", "CPU load high: 95 % for 5 s"), 2 * SECOND);
        assertEquals(List.of("CPU load high: 95 % for 5 s"), c.announce());
        assertEquals(List.of(), c.withdraw());
        c = n.sampled(List.of("CPU load high: 93 % for 5 s"), 3 * SECOND);
        assertEquals(List.of("Memory usage high"), c.withdraw());
        assertEquals(List.of(), c.announce());
    }

    @Test
    void aWarningHoveringAtItsThresholdIsAnnouncedAgainOnlyAfterAQuietSpell() {
        WarningNotices n = new WarningNotices(600 * SECOND);
        n.sampled(List.of("Disk / almost full: 9.0 GiB free"), 0);
        assertEquals(List.of("Disk / almost full"), n.sampled(List.of(), SECOND).withdraw());
        assertTrue(n.sampled(List.of("Disk / almost full: 8.9 GiB free"), 2 * SECOND).none(), "not again so soon");
        n.sampled(List.of(), 3 * SECOND);
        assertEquals(List.of("Disk / almost full: 8.0 GiB free"),
                n.sampled(List.of("Disk / almost full: 8.0 GiB free"), 700 * SECOND).announce());
    }
}
