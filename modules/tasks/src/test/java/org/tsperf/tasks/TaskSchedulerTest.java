package org.tsperf.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.lookup.AbstractLookup;
import org.openide.util.lookup.InstanceContent;
import org.tsperf.api.tasks.LoadSource;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.SystemLoad;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;

class TaskSchedulerTest {

    private final InstanceContent content = new InstanceContent();
    private final AbstractLookup lookup = new AbstractLookup(content);
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final FakeLoad load = new FakeLoad();
    private TaskScheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private TaskScheduler scheduler(Path journal, TaskScheduler.Config config) {
        scheduler = new TaskScheduler(lookup, journal, config);
        return scheduler;
    }

    private TaskScheduler scheduler() {
        content.add(load);
        content.add(handler("record", (spec, ctx) -> ran.add(spec.title())));
        return scheduler(null, TaskScheduler.Config.defaults().withWorkers(1));
    }

    static TaskHandler handler(String kind, KindHandler.Work work) {
        return KindHandler.of(kind, work);
    }

    static TaskSpec task(String kind, String title, TaskPriority priority, ResourceEstimate estimate) {
        return TaskSpec.of(kind, title, TaskType.THUMBNAIL, priority, estimate);
    }

    static TaskSpec task(String title, TaskPriority priority) {
        return task("record", title, priority, ResourceEstimate.TRIVIAL);
    }

    static TaskInfo await(TaskService s, TaskId id) throws Exception {
        return s.completion(id).get(20, TimeUnit.SECONDS);
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    static final class FakeLoad implements LoadSource {
        volatile SystemLoad load = SystemLoad.IDLE;

        @Override
        public SystemLoad current() {
            return load;
        }
    }

    @Test
    void higherPriorityStartsFirst() throws Exception {
        TaskScheduler s = scheduler();
        s.setPaused(true);
        TaskId low = s.submit(task("low", TaskPriority.LOW));
        s.submit(task("normal", TaskPriority.NORMAL));
        s.submit(task("critical", TaskPriority.CRITICAL));
        s.submit(task("high", TaskPriority.HIGH));
        assertEquals(4, s.counts().waiting());
        assertTrue(ran.isEmpty(), "nothing starts while paused");
        s.setPaused(false);
        await(s, low);
        assertEquals(List.of("critical", "high", "normal", "low"), ran);
    }

    @Test
    void setWorkersRunsThatManyTasksOfAQueueAtOnce() throws Exception {
        TaskScheduler s = scheduler();
        java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        content.add(handler("hold", (spec, ctx) -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            release.await(10, TimeUnit.SECONDS);
            now.decrementAndGet();
        }));
        s.setWorkers(TaskType.THUMBNAIL, 3);
        assertEquals(3, s.queues().stream().filter(q -> q.type() == TaskType.THUMBNAIL).findFirst().orElseThrow()
                .workers());
        List<TaskId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(s.submit(task("hold", "hold " + i, TaskPriority.NORMAL, ResourceEstimate.TRIVIAL)));
        }
        eventually(() -> now.get() == 3, "three tasks running at once");
        Thread.sleep(100);
        assertEquals(3, most.get(), "never more than the queue's workers");
        release.countDown();
        for (TaskId id : ids) {
            assertEquals(TaskState.DONE, await(s, id).state());
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.setWorkers(TaskType.THUMBNAIL, 0));
    }

    @Test
    void waitingRaisesPriorityOverTime(@TempDir Path dir) throws Exception {
        // tasks found in the journal keep the time they were submitted: a LOW task that has waited 200 s goes before
        // a NORMAL one submitted now, a LOW one that waited 10 s does not
        Path journal = TaskJournals.journalIn(dir);
        java.nio.file.Files.createDirectories(journal.getParent());
        java.time.Instant now = java.time.Instant.now();
        TaskSpec recentLow = task("recent low", TaskPriority.LOW);
        TaskSpec newNormal = task("new normal", TaskPriority.NORMAL);
        TaskSpec oldLow = task("old low", TaskPriority.LOW);
        try (TaskJournal j = TaskJournal.open(journal)) {
            j.write(new JournalRecord(recentLow, TaskState.QUEUED, "", now.minusSeconds(10), null, 0));
            j.write(new JournalRecord(newNormal, TaskState.QUEUED, "", now, null, 0));
            j.write(new JournalRecord(oldLow, TaskState.QUEUED, "", now.minusSeconds(200), null, 0));
        }
        content.add(load);
        content.add(handler("record", (spec, ctx) -> ran.add(spec.title())));
        TaskScheduler s = scheduler(journal, TaskScheduler.Config.defaults().withWorkers(1));
        for (TaskSpec t : List.of(recentLow, newNormal, oldLow)) {
            assertEquals(TaskState.DONE, await(s, t.id()).state(), t.title());
        }
        assertEquals(List.of("old low", "new normal", "recent low"), ran, "one worker: the order they ran in");
    }

    @Test
    void overCapacityTasksAreDeferredNotDroppedWhileLightOnesRun() throws Exception {
        TaskScheduler s = scheduler();
        load.load = new SystemLoad(0.8, 0.3, 0);
        TaskId heavy = deferred(s, TaskPriority.HIGH, 0.3);
        String reason = s.task(heavy).orElseThrow().reason();
        assertEquals("Waiting for the CPU: it is 80 % busy and this task needs about 30 % more (limit 90 %). It starts"
                + " by itself when the machine is calmer; Run Now starts it at once.", reason);
        TaskId light = s.submit(task("light", TaskPriority.LOW));
        assertEquals(TaskState.DONE, await(s, light).state(), "a task needing no CPU is not held back");
        assertEquals(List.of("light"), ran);
        load.load = new SystemLoad(0.2, 0.3, 0);
        assertEquals(TaskState.DONE, await(s, heavy).state(), "runs once the load drops");
        assertEquals(List.of("light", "heavy"), ran);
    }

    /** Submits a "heavy" task needing this share of the CPU and waits until the loaded machine defers it. */
    private static TaskId deferred(TaskScheduler s, TaskPriority priority, double cpu) throws InterruptedException {
        TaskId heavy = s.submit(task("record", "heavy", priority,
                new ResourceEstimate(cpu, 0.1, 0, 0, Duration.ofSeconds(1))));
        eventually(() -> s.task(heavy).orElseThrow().state() == TaskState.DEFERRED, "the heavy task to be deferred");
        return heavy;
    }

    @Test
    void runNowStartsADeferredTaskDespiteLoadHoldAndPause() throws Exception {
        TaskScheduler s = scheduler();
        load.load = new SystemLoad(0.95, 0.3, 0);
        TaskId heavy = deferred(s, TaskPriority.LOW, 0.5);
        TaskService.Hold hold = s.userBusy("playback");
        s.setPaused(true);
        assertTrue(s.startNow(heavy), "a waiting task can be started now");
        assertEquals(TaskState.DONE, await(s, heavy).state(), "it ran although the machine is busy");
        assertEquals(List.of("heavy"), ran);
        assertFalse(s.startNow(heavy), "an ended task cannot be started again");
        hold.close();
        s.setPaused(false);
    }

    @Test
    void runNowWaitsForAFreeWorkerAndCannotSkipDependencies() throws Exception {
        TaskScheduler s = scheduler();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        content.add(handler("hold", (spec, ctx) -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
        }));
        TaskId busy = s.submit(task("hold", "busy", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        TaskId normal = s.submit(task("normal", TaskPriority.NORMAL));
        TaskId low = s.submit(task("low", TaskPriority.LOW));
        TaskId child = s.submit(task("child", TaskPriority.NORMAL).dependingOn(Set.of(low)));
        assertFalse(s.startNow(child), "a task waiting for another cannot skip it");
        assertTrue(s.startNow(low));
        TaskInfo next = s.task(low).orElseThrow();
        assertEquals(TaskState.QUEUED, next.state());
        assertEquals("Starts next (Run Now): as soon as a worker of the " + TaskType.THUMBNAIL.displayName()
                + " queue is free.", next.reason());
        release.countDown();
        await(s, busy);
        await(s, normal);
        await(s, child);
        assertEquals(List.of("low", "normal", "child"), ran, "the task started now goes before older, higher ones");
        assertFalse(s.startNow(TaskId.random()), "an unknown task");
    }

    @Test
    void aTaskWaitingForOthersSaysForHowMany() throws Exception {
        TaskScheduler s = scheduler();
        s.setPaused(true);
        TaskId a = s.submit(task("a", TaskPriority.NORMAL));
        TaskId b = s.submit(task("b", TaskPriority.NORMAL));
        TaskId one = s.submit(task("one", TaskPriority.NORMAL).dependingOn(Set.of(a)));
        TaskId two = s.submit(task("two", TaskPriority.NORMAL).dependingOn(Set.of(a, b)));
        assertEquals("Waiting for another task it needs to finish first.", s.task(one).orElseThrow().reason());
        assertEquals("Waiting for 2 other tasks it needs to finish first.", s.task(two).orElseThrow().reason());
        s.setPaused(false);
        await(s, two);
    }

    @Test
    void memoryLimitIsEightyPercent() {
        CapacityPolicy p = new CapacityPolicy();
        ResourceEstimate needsMemory = new ResourceEstimate(0, 0.15, 0, 0, Duration.ZERO);
        assertTrue(p.analyze(new SystemLoad(0, 0.7, 0), ResourceEstimate.TRIVIAL, needsMemory).contains("memory"));
        assertEquals(null, p.analyze(new SystemLoad(0, 0.6, 0), ResourceEstimate.TRIVIAL, needsMemory));
        ResourceEstimate needsGpu = new ResourceEstimate(0, 0, 0.5, 0, Duration.ZERO);
        assertTrue(p.analyze(new SystemLoad(0, 0, 0.3), new ResourceEstimate(0, 0, 0.2, 0, Duration.ZERO), needsGpu)
                .contains("GPU"), "recently started tasks count before the sampled load shows them");
    }

    @Test
    void dependantsRunAfterTheirDependenciesAndAreCancelledWhenOneFails() throws Exception {
        TaskScheduler s = scheduler();
        content.add(handler("fail", (spec, ctx) -> {
            throw new IllegalStateException("source file is truncated");
        }));
        s.setPaused(true);
        TaskSpec first = task("first", TaskPriority.LOW);
        TaskSpec second = task("second", TaskPriority.CRITICAL).dependingOn(Set.of(first.id()));
        s.submit(first);
        s.submit(second);
        s.setPaused(false);
        await(s, second.id());
        assertEquals(List.of("first", "second"), ran, "the critical dependant still waits for its dependency");

        TaskSpec broken = task("fail", "decode A001.mov", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL);
        TaskSpec child = task("child", TaskPriority.NORMAL).dependingOn(Set.of(broken.id()));
        TaskSpec grandchild = task("grandchild", TaskPriority.NORMAL).dependingOn(Set.of(child.id()));
        s.setPaused(true);
        s.submit(broken);
        s.submit(child);
        s.submit(grandchild);
        s.setPaused(false);
        TaskInfo failed = await(s, broken.id());
        assertEquals(TaskState.FAILED, failed.state());
        assertEquals("source file is truncated", failed.reason());
        TaskInfo c = await(s, child.id());
        assertEquals(TaskState.CANCELLED, c.state());
        assertEquals("'decode A001.mov', which it depends on, failed: source file is truncated", c.reason());
        TaskInfo g = await(s, grandchild.id());
        assertEquals(TaskState.CANCELLED, g.state());
        assertTrue(g.reason().startsWith("'child', which it depends on, was cancelled"), g.reason());
        assertFalse(ran.contains("child") || ran.contains("grandchild"));
    }

    @Test
    void whileTheUserIsBusyOnlyCriticalWorkStarts() throws Exception {
        TaskScheduler s = scheduler();
        TaskService.Hold hold = s.userBusy("playback");
        TaskId background = s.submit(task("background", TaskPriority.HIGH));
        TaskId onScreen = s.submit(task("on screen", TaskPriority.CRITICAL));
        assertEquals(TaskState.DONE, await(s, onScreen).state());
        TaskInfo waiting = s.task(background).orElseThrow();
        assertEquals(TaskState.DEFERRED, waiting.state());
        assertTrue(waiting.reason().startsWith("Waiting while you play or scrub in the Viewer"), waiting.reason());
        assertTrue(waiting.reason().endsWith("Run Now starts it at once."), waiting.reason());
        hold.close();
        assertEquals(TaskState.DONE, await(s, background).state());
        assertEquals(List.of("on screen", "background"), ran);
    }

    @Test
    void cancelStopsQueuedAtOnceAndRunningCooperativelyOrByInterrupt() throws Exception {
        content.add(load);
        CountDownLatch started = new CountDownLatch(2);
        content.add(handler("polite", (spec, ctx) -> {
            started.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.onSpinWait();
            }
        }));
        content.add(handler("deaf", (spec, ctx) -> {
            started.countDown();
            Thread.sleep(60_000); // never looks at the flag: only the interrupt after the grace period ends it
        }));
        TaskScheduler s = scheduler(null, TaskScheduler.Config.defaults().withWorkers(2)
                .with(Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(60)));
        TaskId polite = s.submit(task("polite", "polite", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL));
        TaskId deaf = s.submit(task("deaf", "deaf", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL));
        TaskId queued = s.submit(task("deaf", "queued", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertTrue(s.cancel(queued, "user pressed Cancel"));
        TaskInfo q = await(s, queued);
        assertEquals(TaskState.CANCELLED, q.state());
        assertEquals(0, q.attempts(), "a queued task never starts after Cancel");
        long t0 = System.nanoTime();
        s.cancel(polite, "user pressed Cancel");
        s.cancel(deaf, "user pressed Cancel");
        TaskInfo p = await(s, polite);
        assertEquals(TaskState.CANCELLED, p.state());
        assertEquals("user pressed Cancel", p.reason());
        TaskInfo d = await(s, deaf);
        assertEquals(TaskState.CANCELLED, d.state());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 400 && ms < 10_000, "interrupted after the 500 ms grace, took " + ms + " ms");
        assertFalse(s.cancel(polite, "again"), "an ended task cannot be cancelled");
    }

    @Test
    void watchdogFailsATaskThatStopsReportingProgress() throws Exception {
        content.add(load);
        content.add(handler("stuck", (spec, ctx) -> {
            ctx.progress(1, 10, "decoding");
            Thread.sleep(60_000);
        }));
        TaskScheduler s = scheduler(null, TaskScheduler.Config.defaults().withWorkers(1)
                .with(Duration.ofMillis(700), Duration.ofSeconds(5), Duration.ofSeconds(60)));
        TaskId id = s.submit(task("stuck", "stuck encode", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL));
        TaskInfo info = await(s, id);
        assertEquals(TaskState.FAILED, info.state());
        assertEquals("no progress for 0 s: stopped by the watchdog", info.reason().replaceFirst("for \\d+ s", "for 0 s"));
        assertEquals(1, info.progress().done());
        // the interrupted worker is free again for the next task
        content.add(handler("record", (spec, ctx) -> ran.add(spec.title())));
        assertEquals(TaskState.DONE, await(s, s.submit(task("after", TaskPriority.NORMAL))).state());
    }

    @Test
    void progressGivesRateAndEta() throws Exception {
        content.add(load);
        List<TaskInfo> seen = new CopyOnWriteArrayList<>();
        content.add(handler("frames", (spec, ctx) -> {
            for (int i = 1; i <= 12; i++) {
                Thread.sleep(100);
                ctx.progress(i, 24, "frame " + i);
            }
        }));
        TaskScheduler s = scheduler(null, TaskScheduler.Config.defaults().withWorkers(1));
        s.addListener(seen::add);
        TaskInfo done = await(s, s.submit(task("frames", "frames", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL)));
        assertEquals(TaskState.DONE, done.state());
        TaskInfo last = seen.stream().filter(i -> i.state() == TaskState.RUNNING && i.progress().done() == 12)
                .findFirst().orElseThrow();
        assertEquals(0.5, last.progress().fraction().orElseThrow(), 1e-9);
        double rate = last.progress().unitsPerSecond();
        assertTrue(rate > 4 && rate < 12, "about 10 frames/s, saw " + rate);
        long eta = last.progress().eta().orElseThrow().toMillis();
        assertTrue(eta > 800 && eta < 3500, "12 frames left at ~10/s, eta " + eta + " ms");
    }

    @Test
    void aTaskWaitsForItsHandlerModule() throws Exception {
        TaskScheduler s = scheduler();
        TaskId id = s.submit(task("proxy.generate", "proxy", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL));
        eventually(() -> s.task(id).orElseThrow().state() == TaskState.DEFERRED, "deferral");
        assertTrue(s.task(id).orElseThrow().reason().contains("no handler for tasks of kind 'proxy.generate'"));
        content.add(handler("proxy.generate", (spec, ctx) -> ran.add("proxy")));
        assertEquals(TaskState.DONE, await(s, id).state(), "runs once the module providing the kind arrives");
    }

    @Test
    void theJournalResumesQueuedAndInterruptedTasksAfterARestart(@TempDir Path dir) throws Exception {
        Path journal = TaskJournals.journalIn(dir);
        content.add(load);
        CountDownLatch entered = new CountDownLatch(1);
        content.add(handler("slow", (spec, ctx) -> {
            if (spec.title().equals("running") && ctx.attempt() == 1) {
                entered.countDown();
                Thread.sleep(60_000);
            }
            ran.add(spec.title() + "#" + ctx.attempt());
        }));
        TaskScheduler first = scheduler(journal, TaskScheduler.Config.defaults().withWorkers(1));
        TaskId running = first.submit(task("slow", "running", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL));
        TaskId queued = first.submit(task("slow", "queued", TaskPriority.NORMAL, ResourceEstimate.TRIVIAL));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        first.close(); // the application exits while one runs and one waits

        TaskScheduler second = scheduler(journal, TaskScheduler.Config.defaults().withWorkers(1));
        TaskInfo r = await(second, running);
        TaskInfo q = await(second, queued);
        assertEquals(TaskState.DONE, r.state());
        assertEquals(2, r.attempts(), "started again");
        assertEquals(TaskState.DONE, q.state());
        assertEquals(1, q.attempts(), "it had not started before the restart");
        assertEquals(Set.of("running#2", "queued#1"), Set.copyOf(ran));
        assertEquals(2, ran.size(), "each completes once: " + ran);
        second.close();

        List<TaskInfo> recorded = new TaskJournals().read(dir);
        assertEquals(2, recorded.size());
        assertTrue(recorded.stream().allMatch(t -> t.state() == TaskState.DONE), recorded.toString());
    }

    @Test
    void aDamagedJournalIsKeptAsideAndANewOneStarted(@TempDir Path dir) throws Exception {
        Path journal = TaskJournals.journalIn(dir);
        java.nio.file.Files.createDirectories(journal.getParent());
        java.nio.file.Files.write(journal, new byte[4096]); // what a crash the write-ahead log cannot repair leaves
        content.add(load);
        content.add(handler("record", (spec, ctx) -> ran.add(spec.title())));
        TaskScheduler s = scheduler(journal, TaskScheduler.Config.defaults().withWorkers(1));
        assertEquals(TaskState.DONE, await(s, s.submit(task("after the crash", TaskPriority.NORMAL))).state());
        s.close();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(journal.getParent())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("journal.db.damaged-")),
                    "the damaged journal is kept for the user");
        }
        assertEquals(1, new TaskJournals().read(dir).size(), "the new journal records the new task");
    }

    @Test
    void journalRecordsRoundTrip() {
        TaskSpec spec = new TaskSpec(TaskId.random(), "proxy.generate", "Quarter proxy of A001 = \"take 3\"\nrev",
                TaskType.PROXY, TaskPriority.HIGH, new ResourceEstimate(0.5, 0.1, 0.2, 0.3, Duration.ofSeconds(42)),
                Map.of("source", "/media/a b/ä.mov", "resolution", "quarter"), Set.of(TaskId.random()));
        JournalRecord r = new JournalRecord(spec, TaskState.RUNNING, "", java.time.Instant.parse("2026-11-24T10:00:00Z"),
                null, 2);
        assertEquals(r, JournalRecord.decode(r.encode()));
    }
}
