package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MutationsTest {

    private static byte[] original() {
        byte[] b = new byte[300_000];
        new Random(3).nextBytes(b);
        return b;
    }

    @Test
    void theSameSeedAndNumberGiveTheSameCopy() {
        byte[] o = original();
        for (int n = 0; n < 10; n++) {
            Mutations.Mutant a = Mutations.of(o, 9, n);
            Mutations.Mutant b = Mutations.of(o, 9, n);
            assertArrayEquals(a.bytes(), b.bytes());
            assertEquals(a.description(), b.description());
        }
        assertFalse(Arrays.equals(Mutations.of(o, 9, 0).bytes(), Mutations.of(o, 10, 0).bytes()), "another seed");
    }

    @Test
    void everyKindDamagesTheCopyAsItSaysAndLeavesTheOriginal() {
        byte[] o = original();
        byte[] before = o.clone();
        for (int n = 0; n < Mutations.Kind.values().length; n++) {
            Mutations.Mutant m = Mutations.of(o, 5, n);
            assertEquals(Mutations.Kind.values()[n], m.kind());
            assertFalse(Arrays.equals(o, m.bytes()), m.description());
            switch (m.kind()) {
                case CUT -> assertTrue(m.bytes().length < o.length, m.description());
                case FLIP_HEADER -> {
                    assertEquals(o.length, m.bytes().length);
                    assertArrayEquals(Arrays.copyOfRange(o, 65_536, o.length),
                            Arrays.copyOfRange(m.bytes(), 65_536, o.length), "only the first 64 KiB change");
                }
                default -> assertEquals(o.length, m.bytes().length, m.description());
            }
        }
        assertArrayEquals(before, o, "the original is not changed");
    }
}
