package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The memory benchmark must not count a child that is still the JVM being spawned as a second JVM's worth of RSS. */
@EnabledOnOs(OS.LINUX)
class ProcessImageTest {

    @Test
    void thisProcessIsItsOwnImageAndAnExecutedChildIsNot() throws Exception {
        LongPredicate same = ProcessImage.sameAsThisProcess();
        assertTrue(same.test(ProcessHandle.current().pid()));
        Process sleep = new ProcessBuilder("sleep", "5").start();
        try {
            // after exec the child has its own executable
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessImage.layout(sleep.pid()) != null
                    && !ProcessImage.layout(sleep.pid())[0].endsWith("sleep") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertNotNull(ProcessImage.layout(sleep.pid()));
            assertFalse(same.test(sleep.pid()));
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void childrenCaughtWhileSpawningAreRecognisedAndRealChildrenAreSmall() throws Exception {
        byte[][] held = new byte[256][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[1 << 20];
            for (int j = 0; j < held[i].length; j += 4096) {
                held[i][j] = 1; // resident, so a phantom child would show hundreds of MB
            }
        }
        LongPredicate same = ProcessImage.sameAsThisProcess();
        AtomicBoolean spawning = new AtomicBoolean(true);
        Thread spawner = new Thread(() -> {
            while (spawning.get()) {
                try {
                    new ProcessBuilder("true").start().waitFor();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }, "spawner");
        spawner.start();
        long phantoms = 0;
        long largestPhantom = 0;
        long largestCounted = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (phantoms < 3 && System.nanoTime() < deadline) {
                for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
                    if (same.test(p.pid())) {
                        phantoms++;
                        largestPhantom = Math.max(largestPhantom, MemoryBench.rss(p.pid()));
                    } else {
                        // read after the test: once a child has left our image it has exec'd for good
                        largestCounted = Math.max(largestCounted, MemoryBench.rss(p.pid()));
                    }
                }
            }
        } finally {
            spawning.set(false);
            spawner.join();
        }
        assertTrue(phantoms >= 3, "no child was caught before its exec in 30 s of spawning");
        assertTrue(largestCounted < 64L << 20, "a counted child had " + (largestCounted >> 20) + " MiB resident: `true`"
                + " needs about 1 MiB, so it was this JVM counted again");
        java.lang.ref.Reference.reachabilityFence(held);
        System.out.printf("caught %d spawning children, the largest showing %d MiB; largest counted child %d KiB%n",
                phantoms, largestPhantom >> 20, largestCounted >> 10);
    }
}
