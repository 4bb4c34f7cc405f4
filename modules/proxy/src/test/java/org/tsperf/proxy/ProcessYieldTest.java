package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A real multi-threaded ffmpeg encode, its every thread reniced while the user is busy and back afterwards. */
class ProcessYieldTest {

    @Test
    void everyThreadOfTheEncoderYieldsWhileTheUserIsBusy() throws Exception {
        Process p = new ProcessBuilder(FfmpegProxyEncoder.executable(), "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=30:duration=120", "-c:v", "libx264", "-preset", "ultrafast",
                "-threads", "4", "-f", "null", "-").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // the encoder's threads exist once it encodes
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ProcessYield.threads(p.pid()).size() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.sleep(20);
            }
            List<String> before = ProcessYield.threads(p.pid());
            assertTrue(before.size() >= 3, "ffmpeg has threads: " + before);
            Assumptions.assumeTrue(ProcessYield.NORMAL < ProcessYield.YIELDING, "the tests run at nice 19 already");
            assertTrue(nices(p).stream().allMatch(n -> n == ProcessYield.NORMAL), "starts at the JVM's nice: "
                    + nices(p));

            ProcessYield yield = new ProcessYield(p);
            // as the encoder's loop does: one update per poll until every thread, new ones too, is lowered
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                yield.update(true);
                Thread.sleep(50);
            } while (!nices(p).stream().allMatch(n -> n == ProcessYield.YIELDING) && System.nanoTime() < deadline);
            assertTrue(yield.yielding());
            List<Integer> lowered = nices(p);
            assertTrue(lowered.size() >= before.size() && lowered.stream().allMatch(n -> n == ProcessYield.YIELDING),
                    "every thread at nice 19 while the user is busy: " + lowered);

            Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                    "raising a priority again needs root (CI runs as root)");
            // the user is done: updates raise every thread again, those the low ones started meanwhile too
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                yield.update(false);
                Thread.sleep(50);
            } while (yield.yielding() && System.nanoTime() < deadline);
            assertFalse(yield.yielding(), "no thread left low: " + nices(p));
            List<Integer> raised = nices(p);
            assertTrue(raised.stream().allMatch(n -> n == ProcessYield.NORMAL), "back at the JVM's nice afterwards: "
                    + raised);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<Integer> nices(Process p) {
        List<Integer> n = new ArrayList<>();
        for (String tid : ProcessYield.threads(p.pid())) {
            OptionalInt v = ProcessYield.nice(p.pid(), tid);
            v.ifPresent(n::add);
        }
        return n;
    }
}
