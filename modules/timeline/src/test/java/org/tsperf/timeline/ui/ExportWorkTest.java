package org.tsperf.timeline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.openide.util.lookup.Lookups;
import org.tsperf.api.cluster.ClusterExportResult;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.ClusterWorker;
import org.tsperf.api.cluster.MemberStatus;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportService;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;

/**
 * What the export says when it cannot run: modules missing, a cluster that cannot be joined or has no trusted
 * worker; and a cancel (an interrupt) that reaches the export and leaves the cluster.
 */
class ExportWorkTest {

    private static final ClusterJobOptions QUICK = new ClusterJobOptions(120, Duration.ofSeconds(5),
            Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private ExportRequest request() {
        Project p = new Project("p", 320, 240, FrameRate.parse("25"), 48000, List.of(new Track("V1",
                TrackKind.VIDEO, List.of(new Clip("a", dir.resolve("a.mp4"), 0, 50, 0, List.of())), List.of())));
        return ExportRequest.whole(p, dir.resolve("out.mp4"), ExportFormat.H264);
    }

    private ExportChoices onCluster() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "a secret of more than sixteen bytes");
        return new ExportChoices(dir.resolve("out.mp4").toString(), ExportFormat.H264, true, "studio",
                "127.0.0.1:5702", secret.toString(), "");
    }

    @Test
    void withoutTheModulesItSaysWhichIsMissing() throws Exception {
        IOException noCluster = assertThrows(IOException.class, () -> ExportWork.of(onCluster(), Lookup.EMPTY));
        assertTrue(noCluster.getMessage().contains("Distributed Rendering module"), noCluster.getMessage());
        ExportChoices local = new ExportChoices(dir.resolve("out.mp4").toString(), ExportFormat.H264, false, "", "",
                "", "");
        IOException noRender = assertThrows(IOException.class, () -> ExportWork.of(local, Lookup.EMPTY));
        assertTrue(noRender.getMessage().contains("render module"), noRender.getMessage());
    }

    @Test
    void aClusterThatCannotBeJoinedIsNamed() throws Exception {
        StubCluster cluster = new StubCluster();
        cluster.connectFailure = new IOException("cannot join cluster studio from 127.0.0.1:5701: address in use");
        ExportWork work = ExportWork.of(onCluster(), Lookups.singleton(cluster), QUICK);
        IOException ex = assertThrows(IOException.class, () -> work.run(request(), p -> { }));
        assertEquals("Cannot reach the render cluster studio: cannot join cluster studio from 127.0.0.1:5701:"
                + " address in use", ex.getMessage());
    }

    @Test
    void aClusterWithoutATrustedWorkerSaysSoAndNamesTheMembersSeen() throws Exception {
        StubCluster cluster = new StubCluster();
        ExportWork work = ExportWork.of(onCluster(), Lookups.singleton(cluster), QUICK);
        cluster.exportFailure = new IOException("no worker holding the shared secret is in cluster studio (waited 1 s)");
        IOException ex = assertThrows(IOException.class, () -> work.run(request(), p -> { }));
        assertTrue(ex.getMessage().startsWith("The render cluster studio cannot be reached or has no trusted worker"
                + " (members seen: 127.0.0.1:5701 coordinator, 127.0.0.1:5703 untrusted)."), ex.getMessage());
        assertTrue(ex.getMessage().contains("no worker holding the shared secret"), ex.getMessage());
        assertTrue(cluster.session.closed, "the session left the cluster");
        assertEquals(QUICK, cluster.session.options, "the options reach the job");
        assertEquals(List.of("127.0.0.1:5702"), cluster.settings.members());
        assertEquals("127.0.0.1", cluster.settings.bind());
    }

    @Test
    void anInterruptCancelsTheLocalExportAndTheClusterJob() throws Exception {
        CompletableFuture<ExportResult> never = new CompletableFuture<>();
        ExportService exports = (request, progress) -> new ExportService.Export() {
            @Override
            public TaskId task() {
                return new TaskId("t1");
            }

            @Override
            public CompletableFuture<ExportResult> result() {
                return never;
            }
        };
        ExportChoices local = new ExportChoices(dir.resolve("out.mp4").toString(), ExportFormat.H264, false, "", "",
                "", "");
        assertThrows(InterruptedException.class, () -> interrupted(ExportWork.of(local, Lookups.singleton(exports))));
        assertTrue(never.isCancelled(), "the export's future was cancelled");

        StubCluster cluster = new StubCluster();
        cluster.block = true;
        assertThrows(InterruptedException.class, () -> interrupted(ExportWork.of(onCluster(),
                Lookups.singleton(cluster), QUICK)));
        assertTrue(cluster.session.closed, "the session left the cluster");
    }

    /** Runs the work on a thread that is interrupted as soon as it waits; rethrows what it threw. */
    private void interrupted(ExportWork work) throws Exception {
        AtomicReference<Exception> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                work.run(request(), p -> { });
            } catch (Exception ex) {
                thrown.set(ex);
            }
        });
        t.start();
        while (t.getState() != Thread.State.WAITING && t.isAlive()) {
            Thread.sleep(10);
        }
        t.interrupt();
        t.join(10_000);
        throw thrown.get();
    }

    static final class StubCluster implements ClusterService {

        IOException connectFailure;
        IOException exportFailure;
        boolean block;
        ClusterSettings settings;
        StubSession session;

        @Override
        public ClusterWorker startWorker(ClusterSettings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ClusterSession connect(ClusterSettings settings) throws IOException {
            this.settings = settings;
            if (connectFailure != null) {
                throw connectFailure;
            }
            session = new StubSession(this);
            return session;
        }
    }

    static final class StubSession implements ClusterSession {

        private final StubCluster cluster;
        volatile boolean closed;
        ClusterJobOptions options;

        StubSession(StubCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public ClusterStatus status() {
            return new ClusterStatus("studio", List.of(new MemberStatus("127.0.0.1:5701", "coordinator", -1, 0, 0),
                    new MemberStatus("127.0.0.1:5703", "untrusted", -1, 0, 0)), List.of(), 0, 0);
        }

        @Override
        public ClusterExportResult export(ExportRequest request, ClusterJobOptions options,
                Consumer<RenderProgress> progress) throws IOException, InterruptedException {
            this.options = options;
            if (cluster.block) {
                Object lock = new Object();
                synchronized (lock) {
                    lock.wait();
                }
            }
            throw cluster.exportFailure;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
