package org.tsperf.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class LiveSamplerTest {

    @Test
    void samplesOffTheEventThreadAndRendersOnIt() throws Exception {
        List<Boolean> sampledOnEdt = new CopyOnWriteArrayList<>();
        List<Boolean> renderedOnEdt = new CopyOnWriteArrayList<>();
        CountDownLatch rendered = new CountDownLatch(2);
        AtomicInteger n = new AtomicInteger();
        LiveSampler<Integer> live = new LiveSampler<>("tsperf-test-sampler", Duration.ofMillis(20), () -> {
            sampledOnEdt.add(SwingUtilities.isEventDispatchThread());
            return n.incrementAndGet();
        }, v -> {
            renderedOnEdt.add(SwingUtilities.isEventDispatchThread());
            rendered.countDown();
        });
        live.start();
        assertTrue(rendered.await(10, TimeUnit.SECONDS), "two samples rendered");
        live.stop();
        assertFalse(live.isRunning());
        assertTrue(sampledOnEdt.stream().noneMatch(b -> b), "never sampled on the event thread");
        assertTrue(renderedOnEdt.stream().allMatch(b -> b), "always rendered on the event thread");
    }

    @Test
    void stoppingEndsTheThreadAndAFailedSampleDoesNotStopSampling() throws Exception {
        CountDownLatch afterFailure = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        LiveSampler<String> live = new LiveSampler<>("tsperf-test-failing", Duration.ofMillis(10), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first sample fails");
            }
            afterFailure.countDown();
            return null; // nothing to render
        }, v -> { });
        live.start();
        assertTrue(afterFailure.await(10, TimeUnit.SECONDS), "sampling went on after a failure");
        live.stop();
        long deadline = System.currentTimeMillis() + 5000;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("tsperf-test-failing"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("tsperf-test-failing")).count(), "the thread ended");
    }
}
