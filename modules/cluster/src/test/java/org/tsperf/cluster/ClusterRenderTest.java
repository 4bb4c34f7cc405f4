package org.tsperf.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.cluster.ClusterExportResult;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.MemberFailure;
import org.tsperf.api.cluster.MemberStatus;
import org.tsperf.api.cluster.SegmentReport;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;

/**
 * Workers as separate JVMs on 127.0.0.1 and a coordinator in this JVM, with a stand-in segment renderer
 * ({@link FakeSegmentRenderer}) whose join fails on a frame lost or given twice.
 */
class ClusterRenderTest {

    private static final FrameRate RATE = new FrameRate(25, 1);

    @TempDir
    Path dir;

    static Project project(Path source, long frames) {
        return new Project("cluster", 320, 240, RATE, 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(new Clip("a", source, 0, frames, 0, List.of())), List.of()),
                new Track("A1", TrackKind.AUDIO, List.of(), List.of())));
    }

    private static Path source(LocalCluster c) throws IOException {
        return Files.writeString(c.media.resolve("clip.mp4"), "not really a video");
    }

    private static ClusterJobOptions options(int framesPerSegment, int timeoutSeconds) {
        return new ClusterJobOptions(framesPerSegment, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(30));
    }

    /** Waits until the session sees {@code workers} trusted workers. */
    private static void awaitWorkers(ClusterSession session, int workers) throws InterruptedException {
        LocalCluster.await(workers + " trusted workers", 30, () -> session.status().members().stream()
                .filter(m -> m.role().equals("worker")).count() == workers);
    }

    /** The export, running on another thread so the test can hurt a worker meanwhile. */
    private static CompletableFuture<ClusterExportResult> exportAsync(ClusterSession session, ExportRequest request,
            ClusterJobOptions options) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return session.export(request, options, p -> { });
            } catch (IOException | InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    private static Set<String> membersUsed(ClusterExportResult r) {
        Set<String> used = new HashSet<>();
        for (SegmentReport s : r.segments()) {
            used.add(s.member());
        }
        return used;
    }

    @Test
    @Timeout(120)
    void threeWorkersRenderWhatOneMachineRendersAndLeaveNothingBehind() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 3)) {
            Path src = source(c);
            for (int i = 0; i < 3; i++) {
                c.startWorker(i, c.secret, 4);
            }
            ClusterSession session = c.connect();
            awaitWorkers(session, 3);
            ExportRequest request = ExportRequest.whole(project(src, 300), c.media.resolve("out.mp4"),
                    ExportFormat.H264);
            ClusterExportResult r = session.export(request, options(25, 60), p -> { });
            assertEquals(FakeSegmentRenderer.expected(request), Files.readString(request.output(),
                    StandardCharsets.UTF_8), "every frame once, in order, and the sound");
            assertEquals(300, r.export().frames());
            assertEquals(12, r.segments().size());
            assertTrue(membersUsed(r).size() >= 2, "the work was spread: " + r.segments());
            assertEquals(List.of(), r.failures());
            try (Stream<Path> left = Files.list(c.media)) {
                assertEquals(Set.of("clip.mp4", "out.mp4"), left.map(p -> p.getFileName().toString())
                        .collect(java.util.stream.Collectors.toSet()), "the job folder is removed");
            }
        }
    }

    @Test
    @Timeout(150)
    void aWorkerKilledMidJobHasItsSegmentRunElsewhereAndIsNamed() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 3)) {
            Path src = source(c);
            Process[] workers = new Process[3];
            for (int i = 0; i < 3; i++) {
                workers[i] = c.startWorker(i, c.secret, 30);
            }
            ClusterSession session = c.connect();
            awaitWorkers(session, 3);
            ExportRequest request = ExportRequest.whole(project(src, 360), c.media.resolve("out.mp4"),
                    ExportFormat.H264);
            CompletableFuture<ClusterExportResult> job = exportAsync(session, request, options(30, 60));
            String victim = c.addressByPid.get(workers[1].pid());
            LocalCluster.await("worker 1 renders a segment", 30, () -> session.status().inFlight().stream()
                    .anyMatch(s -> s.member().equals(victim)));
            Thread.sleep(200); // into the segment, not at its first frame
            LocalCluster.kill9(workers[1]);
            ClusterExportResult r = job.get();
            assertEquals(FakeSegmentRenderer.expected(request), Files.readString(request.output(),
                    StandardCharsets.UTF_8), "nothing lost, nothing twice");
            assertTrue(r.failures().stream().anyMatch(f -> f.member().equals(victim)
                    && f.reason().contains("left the cluster")), "the killed member is named: " + r.failures());
            for (SegmentReport s : r.segments()) {
                assertTrue(!s.member().equals(victim) || r.failures().stream().noneMatch(f -> f.segment()
                        == s.index()), "a failed segment was re-run elsewhere: " + s);
            }
        }
    }

    @Test
    @Timeout(150)
    void aWorkerThatStopsAnsweringHasItsSegmentRunElsewhere() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 3)) {
            Path src = source(c);
            Process[] workers = new Process[3];
            for (int i = 0; i < 3; i++) {
                workers[i] = c.startWorker(i, c.secret, 30);
            }
            ClusterSession session = c.connect();
            awaitWorkers(session, 3);
            ExportRequest request = ExportRequest.whole(project(src, 300), c.media.resolve("out.mp4"),
                    ExportFormat.H264);
            CompletableFuture<ClusterExportResult> job = exportAsync(session, request, options(30, 6));
            String victim = c.addressByPid.get(workers[2].pid());
            LocalCluster.await("worker 2 renders a segment", 30, () -> session.status().inFlight().stream()
                    .anyMatch(s -> s.member().equals(victim)));
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(workers[2].pid())).inheritIO().start();
            assertEquals(0, stop.waitFor());
            ClusterExportResult r = job.get();
            assertEquals(FakeSegmentRenderer.expected(request), Files.readString(request.output(),
                    StandardCharsets.UTF_8), "nothing lost, nothing twice");
            assertTrue(r.failures().stream().anyMatch(f -> f.member().equals(victim)
                    && (f.reason().contains("stopped answering") || f.reason().contains("left the cluster"))),
                    "the frozen member is named: " + r.failures());
        }
    }

    @Test
    @Timeout(150)
    void aMemberWithoutTheSecretGetsNoWorkAndAForgedResultIsRefused() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 3)) {
            Path src = source(c);
            c.startWorker(0, c.secret, 4);
            Process stranger = c.startWorker(1, c.secretFile("another secret, also long enough"), 4);
            Process forger = c.startWorker(2, c.secret, 4, "forge");
            String strangerAddress = c.addressByPid.get(stranger.pid());
            String forgerAddress = c.addressByPid.get(forger.pid());
            ClusterSession session = c.connect();
            LocalCluster.await("the stranger found untrusted", 30, () -> session.status().members().stream()
                    .anyMatch(m -> m.address().equals(strangerAddress) && m.role().equals("untrusted")));
            awaitWorkers(session, 2);
            ExportRequest request = ExportRequest.whole(project(src, 200), c.media.resolve("out.mp4"),
                    ExportFormat.H264);
            ClusterExportResult r = session.export(request, options(20, 60), p -> { });
            assertEquals(FakeSegmentRenderer.expected(request), Files.readString(request.output(),
                    StandardCharsets.UTF_8));
            assertFalse(membersUsed(r).contains(strangerAddress), "the stranger rendered nothing: " + r.segments());
            assertFalse(membersUsed(r).contains(forgerAddress), "no forged result was accepted: " + r.segments());
            assertTrue(r.refusedResults() > 0, "the forger's results were refused");
            for (MemberFailure f : r.failures()) {
                assertEquals(forgerAddress, f.member(), "only the forger failed: " + r.failures());
                assertTrue(f.reason().contains("refused"), f.reason());
            }
            MemberStatus s = session.status().members().stream().filter(m -> m.address().equals(strangerAddress))
                    .findFirst().orElseThrow();
            assertEquals(0, s.segmentsDone(), "the stranger was handed nothing");
        }
    }

    @Test
    @Timeout(120)
    void aPathOutsideTheMediaRootsIsRefusedAndTheJobFailsWithTheReason() throws Exception {
        // two workers: the third refusal comes from a worker that refused before, and the job still ends
        try (LocalCluster c = new LocalCluster(dir, 2)) {
            Path outside = Files.createDirectories(dir.resolve("elsewhere"));
            Path src = Files.writeString(outside.resolve("secret-clip.mp4"), "x");
            Files.createSymbolicLink(c.media.resolve("link.mp4"), src);
            for (int i = 0; i < 2; i++) {
                c.startWorker(i, c.secret, 0);
            }
            ClusterSession session = c.connect();
            awaitWorkers(session, 2);
            ExportRequest direct = ExportRequest.whole(project(src, 50), c.media.resolve("out.mp4"),
                    ExportFormat.H264);
            IOException ex = assertThrows(IOException.class, () -> session.export(direct, options(25, 30), p -> { }));
            assertTrue(ex.getMessage().contains("outside this worker's media roots")
                    && ex.getMessage().contains(src.toString()) && ex.getMessage().contains("failed 3 times"),
                    ex.getMessage());
            ExportRequest viaLink = ExportRequest.whole(project(c.media.resolve("link.mp4"), 50),
                    c.media.resolve("out2.mp4"), ExportFormat.H264);
            IOException linked = assertThrows(IOException.class, () -> session.export(viaLink, options(25, 30),
                    p -> { }));
            assertTrue(linked.getMessage().contains("outside this worker's media roots"), linked.getMessage());
            assertFalse(Files.exists(c.media.resolve("out.mp4")));
        }
    }

    @Test
    @Timeout(150)
    void aCoordinatorStoppedMidJobResumesFromTheSegmentsDone() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 2)) {
            Path src = source(c);
            for (int i = 0; i < 2; i++) {
                c.startWorker(i, c.secret, 20);
            }
            ExportRequest request = ExportRequest.whole(project(src, 400), c.media.resolve("out.mp4"),
                    ExportFormat.H264);
            AtomicReference<Throwable> stopped = new AtomicReference<>();
            try (ClusterSession first = new HazelcastClusterService().connect(c.coordinatorSettings(c.secret))) {
                awaitWorkers(first, 2);
                Thread runner = new Thread(() -> {
                    try {
                        first.export(request, options(20, 60), p -> { });
                    } catch (IOException | InterruptedException ex) {
                        stopped.set(ex);
                    }
                });
                runner.start();
                LocalCluster.await("four segments done", 60, () -> countResults(c.media) >= 4);
                runner.interrupt();
                runner.join(30_000);
                assertTrue(stopped.get() instanceof InterruptedException, "stopped: " + stopped.get());
            }
            int doneBefore = countResults(c.media);
            ClusterSession second = c.connect();
            ClusterExportResult r = second.export(request, options(20, 60), p -> { });
            assertEquals(FakeSegmentRenderer.expected(request), Files.readString(request.output(),
                    StandardCharsets.UTF_8));
            assertTrue(r.resumed() >= 4 && r.resumed() >= doneBefore - 2 && r.resumed() < 20,
                    "resumed " + r.resumed() + " of 20 (" + doneBefore + " were done when it restarted)");
        }
    }

    private static int countResults(Path media) {
        try (Stream<Path> jobs = Files.list(media)) {
            return jobs.filter(p -> p.getFileName().toString().startsWith(".tsperf-cluster-")).mapToInt(job -> {
                try (Stream<Path> files = Files.list(job)) {
                    return (int) files.filter(f -> f.getFileName().toString().endsWith(".result")).count();
                } catch (IOException ex) {
                    return 0;
                }
            }).sum();
        } catch (IOException ex) {
            return 0;
        }
    }
}
