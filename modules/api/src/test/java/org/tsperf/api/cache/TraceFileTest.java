package org.tsperf.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text form of traces: accesses and hint lines in order, errors that name the line. */
class TraceFileTest {

    private static List<TraceEvent> parse(String text) {
        return TraceFile.parse(text.lines().toList(), "t.trace");
    }

    private static String errorOf(String text) {
        return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsAccessesAndHintsInTheirOrder() {
        List<TraceEvent> t = parse("# a session\n@play c1 10 1\nc1:f10 8294400\n\n@loop c1 5 9\n@scrub c2 40\n"
                + "@play c3 7 -4\nthumbnail:s1#2 57600\n");
        assertEquals(List.of(TraceHint.play("c1", 10, 1), new TraceAccess("c1:f10", 8294400),
                TraceHint.loop("c1", 5, 9), TraceHint.scrub("c2", 40), TraceHint.play("c3", 7, -4),
                new TraceAccess("thumbnail:s1#2", 57600)), t);
    }

    @Test
    void unknownHintIsAnErrorNamingItsLine() {
        String m = errorOf("c1:f1 100\n# comment\n@jump c1 5\n");
        assertTrue(m.contains("line 3") && m.contains("unknown hint @jump"), m);
    }

    @Test
    void malformedHintsNameTheirLine() {
        assertTrue(errorOf("@play c1 5\n").contains("line 1: @play takes 3 fields"), errorOf("@play c1 5\n"));
        assertTrue(errorOf("a 1\n@loop c1 9 3\n").contains("line 2: hint out of range"), errorOf("a 1\n@loop c1 9 3\n"));
        assertTrue(errorOf("@scrub c1 x\n").contains("line 1: not a whole number: x"), errorOf("@scrub c1 x\n"));
        assertTrue(errorOf("@play c:1 5 1\n").contains("no colon"), errorOf("@play c:1 5 1\n"));
        assertTrue(errorOf("@play c1 -3 1\n").contains("line 1"), errorOf("@play c1 -3 1\n"));
    }

    @Test
    void malformedAccessNamesItsLine() {
        String m = errorOf("c1:f1 100\nc1:f2 lots\n");
        assertTrue(m.contains("line 2: expected 'KEY SIZE_IN_BYTES'"), m);
    }

    @Test
    void writtenTraceReadsBackTheSame() throws IOException {
        List<TraceEvent> t = List.of(TraceHint.loop("c5", 100, 399), new TraceAccess("c5:f100", 1000),
                TraceHint.play("c5", 0, 0), TraceHint.scrub("c6", 3), new TraceAccess("x", 1));
        StringWriter w = new StringWriter();
        TraceFile.write(t, w);
        assertEquals("@loop c5 100 399\nc5:f100 1000\n@play c5 0 0\n@scrub c6 3\nx 1\n", w.toString());
        assertEquals(t, parse(w.toString()));
    }

    @Test
    void frameKeysNameClipAndFrame() {
        assertEquals("c7:f120", TraceHint.frameKey("c7", 120));
    }
}
