package org.tsperf.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CacheConfigTest {

    private static final long GIB = 1L << 30;
    private final CacheConfig ok = new CacheConfig(0, Path.of("/fast/l2"), 8 * GIB, Path.of("/big/l3"), 32 * GIB);

    @Test
    void refusesWhatTheCacheCannotUseWithTheSettingNamed() {
        assertEquals("the L2 budget must be between 256.0 MiB and 1 PiB (was 1.0 MiB)",
                assertThrows(IllegalArgumentException.class, () -> ok.withL2(ok.l2Dir(), 1 << 20)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ok.withL1Budget(-5)).getMessage()
                .startsWith("the L1 (RAM) budget"));
        assertEquals("the L3 folder must be an absolute path (was cache/l3)", assertThrows(
                IllegalArgumentException.class, () -> ok.withL3(Path.of("cache/l3"), GIB)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ok.withL3(Path.of("/fast/l2"), GIB))
                .getMessage().contains("must differ"));
    }

    @Test
    void zeroL1FollowsTheMemoryProfileAndAnExplicitOneIsKept() {
        assertEquals(CacheConfig.L1_FOLLOWS_MEMORY_PROFILE, ok.l1BudgetBytes());
        assertEquals(2 * GIB, ok.withL1Budget(2 * GIB).l1BudgetBytes());
    }
}
