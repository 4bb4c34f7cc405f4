package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tsperf.api.cache.PlaybackHint.Mode;

/** The L1 policy told playback hints: which frames it keeps, for how long, from any thread. */
class HintedL1Test {

    /** An entry's value so that it weighs 1000 bytes with the overhead; the capacity is 10 entries. */
    private static final long VALUE = 1000 - L1Policy.ENTRY_OVERHEAD;
    private static final long TEN = 10_000;

    private final List<String> evicted = new ArrayList<>();
    private final AdaptiveL1<String, Long> l1 = new AdaptiveL1<>(TEN, Long::longValue, (k, v) -> evicted.add(k));

    private static String f(int n) {
        return "c:f" + n;
    }

    private void hint(Mode mode, long frame, int step, long first, long last) {
        l1.hint("c", mode, frame, step, first, last, n -> f((int) n));
    }

    private int others;

    /** Stores {@code count} entries never stored before (thumbnails, say). */
    private void putOthers(int count) {
        for (int i = 0; i < count; i++) {
            l1.put("thumbnail:" + others++, VALUE);
        }
    }

    /** Frames 9 down to 0 stored as a reverse play leaves them (9 the least recent), then 5 and 6 shown again. */
    private void fillInReverseAndShowFiveAndSix(boolean hinted) {
        for (int n = 9; n >= 0; n--) {
            l1.put(f(n), VALUE);
        }
        if (hinted) {
            hint(Mode.PLAY, 5, 1, 0, 0);
        }
        assertNotNull(l1.get(f(5)));
        assertNotNull(l1.get(f(6)));
    }

    @Test
    void forwardPlayEvictsThePassedFramesBeforeTheFramesAhead() {
        fillInReverseAndShowFiveAndSix(true);
        putOthers(3);
        // least recent first would be 9, 8, 7: ahead of the playhead, so the passed 4, 3, 2 go instead
        assertEquals(List.of(f(4), f(3), f(2)), evicted);
        assertTrue(l1.contains(f(7)) && l1.contains(f(8)) && l1.contains(f(9)));
    }

    @Test
    void withoutTheHintTheSameRequestsEvictTheFramesAhead() {
        fillInReverseAndShowFiveAndSix(false);
        putOthers(3);
        assertEquals(List.of(f(9), f(8), f(7)), evicted);
    }

    @Test
    void reversePlayKeepsTheLowerFrames() {
        for (int n = 0; n <= 9; n++) {
            l1.put(f(n), VALUE);
        }
        hint(Mode.PLAY, 5, -1, 0, 0);
        assertNotNull(l1.get(f(5)));
        assertNotNull(l1.get(f(4)));
        putOthers(3);
        assertEquals(List.of(f(6), f(7), f(8)), evicted);
    }

    @Test
    void shuttleProtectsOnlyTheFramesItWillShow() {
        for (int n = 9; n >= 0; n--) {
            l1.put(f(n), VALUE);
        }
        hint(Mode.PLAY, 0, 4, 0, 0); // 4x: shows 0, 4, 8
        putOthers(1);
        assertTrue(l1.isProtected(f(4)) && l1.isProtected(f(8)));
        assertFalse(l1.isProtected(f(9)) || l1.isProtected(f(5)));
        assertEquals(List.of(f(9)), evicted);
    }

    @Test
    void aLoopThatFitsStaysWhileOtherWorkPassesUntilTheHintAges() {
        hint(Mode.LOOP, 0, 1, 0, 4);
        for (int n = 0; n <= 4; n++) {
            l1.put(f(n), VALUE);
        }
        putOthers(40);
        for (int n = 0; n <= 4; n++) {
            assertTrue(l1.contains(f(n)), "loop frame " + n + " kept");
        }
        putOthers(PlaybackHints.STALE_REQUESTS); // no loop frame shown for so long: the user works elsewhere
        assertFalse(l1.isProtected(f(0)));
        assertFalse(l1.contains(f(0)), "an aged hint keeps nothing");
    }

    @Test
    void aLoopLongerThanTheCapacityKeepsAStablePart() {
        hint(Mode.LOOP, 0, 1, 0, 29);
        long lastPassHits = 0;
        for (int pass = 0; pass < 5; pass++) {
            lastPassHits = 0;
            for (int n = 0; n <= 29; n++) {
                if (l1.get(f(n)) != null) {
                    lastPassHits++;
                } else {
                    l1.put(f(n), VALUE);
                }
                assertTrue(l1.protectedBytes() <= AdaptiveL1.PROTECTED_SHARE * TEN, "protected within the budget");
                assertTrue(l1.weightedSize() <= TEN);
            }
        }
        // the 9 frames of the protected budget hit on every pass, and the policy may keep one more (MIN: 10)
        assertTrue(lastPassHits >= 9, "hits in the last pass: " + lastPassHits);
    }

    @Test
    void scrubKeepsTheNeighbourhoodOfThePlayhead() {
        for (int n = 100; n < 108; n++) {
            l1.put(f(n), VALUE);
        }
        hint(Mode.SCRUB, 104, 0, 0, 0);
        putOthers(5);
        assertTrue(evicted.stream().noneMatch(k -> k.startsWith("c:")), evicted.toString());
        int before = evicted.size();
        hint(Mode.SCRUB, 500, 0, 0, 0); // grabbed elsewhere
        putOthers(3);
        assertEquals(List.of(f(100), f(101), f(102)), evicted.subList(before, before + 3));
    }

    @Test
    void stopEndsTheProtection() {
        hint(Mode.LOOP, 0, 1, 0, 4);
        for (int n = 0; n <= 4; n++) {
            l1.put(f(n), VALUE);
        }
        assertTrue(l1.isProtected(f(0)));
        l1.hint("c", Mode.STOP, 0, 0, 0, 0, n -> f((int) n));
        putOthers(1);
        assertFalse(l1.isProtected(f(0)));
        assertEquals(0, l1.protectedBytes());
    }

    @Test
    void hintsFromOtherThreadsWhileRequestsAreServed() throws Exception {
        ExecutorService players = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int clip = t;
                running.add(players.submit(() -> {
                    for (int n = 0; n < 20_000; n++) {
                        Mode mode = Mode.values()[n % 4];
                        l1.hint("c" + clip, mode, n % 50, n % 3 - 1, 10, 40, k -> "c" + clip + ":f" + k);
                    }
                }));
            }
            for (int i = 0; i < 20_000; i++) {
                String key = "c" + i % 3 + ":f" + (i * 7 % 60);
                if (l1.get(key) == null) {
                    l1.put(key, VALUE);
                }
                assertTrue(l1.weightedSize() <= TEN && l1.protectedBytes() <= AdaptiveL1.PROTECTED_SHARE * TEN);
            }
            for (Future<?> f : running) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            players.shutdownNow();
        }
    }
}
