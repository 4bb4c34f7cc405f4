package org.tsperf.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netbeans.junit.MockServices;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.cache.CacheStatistics;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.ClusterWorker;
import org.tsperf.api.cluster.MemberStatus;
import org.tsperf.api.cluster.SegmentInFlight;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.monitor.CpuUsage;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.MemoryUsage;
import org.tsperf.api.monitor.ResourceSnapshot;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyCounts;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.timeline.PlaybackFigures;
import org.tsperf.api.timeline.PlaybackStatus;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;

class DashboardModelTest {

    private static final long GB = 1L << 30;

    @AfterEach
    void reset() {
        MockServices.setServices();
    }

    static ResourceSnapshot snapshot(List<DiskUsage> disks) {
        return new ResourceSnapshot(Instant.now(), new CpuUsage(20, 5, 2), new MemoryUsage(8 * GB, 2 * GB, GB, GB / 4, GB),
                GpuUsage.notAvailable("GPU module not active"), disks, List.of());
    }

    @Test
    void featuresOfMissingModulesSayNotInstalled() {
        DashboardState s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
        assertEquals(DashboardState.NOT_ACTIVE, s.playback());
        assertEquals(DashboardState.NOT_ACTIVE, s.proxies());
        assertEquals(DashboardState.NOT_ACTIVE, s.cache());
        assertEquals(DashboardState.NOT_ACTIVE, s.tasks());
        assertEquals(DashboardState.NOT_ACTIVE, s.cluster().summary(), "no cluster module");
        assertTrue(s.cluster().members().isEmpty());
        assertTrue(s.installed().isEmpty());
    }

    @Test
    void playbackLineSaysTheRateAndSizeOfWhatPlays() {
        assertEquals("60 FPS (4K)", DashboardModel.playbackLine(new org.tsperf.api.timeline.PlaybackFigures(59.6, 60,
                "Proxy Quarter", Double.NaN, "4K")));
        assertEquals("paused (8K, 30.0 fps)", DashboardModel.playbackLine(new org.tsperf.api.timeline.PlaybackFigures(
                0, 30, "Original", Double.NaN, "8K")));
        assertEquals("nothing playing", DashboardModel.playbackLine(new org.tsperf.api.timeline.PlaybackFigures(0, 0,
                "nothing playing", Double.NaN, "")));
    }

    @Test
    void installedModulesFeedTheirFigures() {
        MockServices.setServices(TwelveOfTwentyProxies.class, MostlyHittingCache.class);
        DashboardState s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
        assertEquals("12/20 generated", s.proxies());
        assertEquals("87 % hit rate", s.cache());
        assertEquals(DashboardState.NOT_ACTIVE, s.tasks());
        assertTrue(s.installed().contains(EngineFeature.PROXIES));
        assertFalse(s.installed().contains(EngineFeature.TASKS));
    }

    @Test
    void previewLineShowsTheRunningPreviewRendersSpeedFromTheRenderService() {
        MockServices.setServices(RenderingAt2point4.class, PlayingRenderedPreview.class);
        DashboardState s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
        assertEquals("Rendered preview; Render: 2.4x", s.preview());
        assertEquals("2.4x real time", s.renderSpeed());
        MockServices.setServices(RenderingAt2point4.class);
        s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
        assertEquals("Render: 2.4x", s.preview(), "the render module without the playback module");
        RenderingAt2point4.running = false;
        try {
            s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
            assertEquals(DashboardState.NOT_ACTIVE, s.preview(), "no render, no playback module");
            MockServices.setServices(RenderingAt2point4.class, PlayingRenderedPreview.class);
            s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
            assertEquals("Rendered preview", s.preview(), "nothing renders: where the pictures come from only");
            assertEquals("idle", s.renderSpeed());
        } finally {
            RenderingAt2point4.running = true;
        }
    }

    @Test
    void clusterLineShowsMembersAndSegmentsInFlightWithProgressOverAllSegments() {
        MockServices.setServices(StudioCluster.class);
        StudioCluster.running = List.of();
        DashboardState s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
        assertEquals("none running", s.cluster().summary(), "the module is there, nothing runs");
        assertTrue(s.installed().contains(EngineFeature.CLUSTER));

        StudioCluster.running = List.of(new ClusterStatus("studio", List.of(
                new MemberStatus("127.0.0.1:5701", "coordinator", 12.4, 0, 0),
                new MemberStatus("10.0.0.7:5701", "worker", 97, 1, 12),
                new MemberStatus("10.0.0.9:5701", "untrusted", -1, 0, 0)), List.of(
                new SegmentInFlight("0fda", 13, "10.0.0.7:5701", 41, 120),
                new SegmentInFlight("0fda", 14, "10.0.0.8:5701", 120, 120)), 1590, 3000));
        s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
        assertEquals("studio: 3 members, 2 segments in flight, 53 % (1590/3000 frames)", s.cluster().summary(),
                "the coordinator's count of all segments together");
        assertEquals(List.of("127.0.0.1:5701  coordinator  CPU 12 %, 0 running, 0 done",
                "10.0.0.7:5701  worker  CPU 97 %, 1 running, 12 done",
                "10.0.0.9:5701  untrusted  CPU ?, 0 running, 0 done"), s.cluster().members());
        assertEquals(List.of("segment 13 on 10.0.0.7:5701: 34 % (41/120 frames)",
                "segment 14 on 10.0.0.8:5701: 100 % (120/120 frames)"), s.cluster().segments());

        StudioCluster.running = List.of(new ClusterStatus("studio", List.of(
                new MemberStatus("10.0.0.7:5701", "worker", 50, 1, 0)), List.of(
                new SegmentInFlight("0fda", 2, "10.0.0.7:5701", 30, 120)), 0, 0));
        s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
        assertEquals("studio: 1 members, 1 segments in flight, 25 % (30/120 frames)", s.cluster().summary(),
                "a worker knows only its segments: they are added up");

        StudioCluster.running = List.of(new ClusterStatus("studio", List.of(
                new MemberStatus("10.0.0.7:5701", "worker", 50, 1, 0)), List.of(
                new SegmentInFlight("9a1f", 2, "10.0.0.7:5701", 0, 25, SegmentInFlight.PREVIEW),
                new SegmentInFlight("77c0", 0, "10.0.0.8:5701", 0, 0, SegmentInFlight.PROXIES)), 0, 0));
        s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
        assertEquals("studio: 1 members, 1 preview chunks and 1 proxy sources in flight", s.cluster().summary(),
                "each kind counted by its name; no export: no frames count");
        assertEquals(List.of("preview chunk 2 on 10.0.0.7:5701 (25 frames)", "proxies of source 0 on 10.0.0.8:5701"),
                s.cluster().segments(), "proxy and preview jobs show as export segments do");
    }

    @Test
    void aFailingClusterServiceShowsAsMissingFiguresNotADeadMonitor() {
        MockServices.setServices(StudioCluster.class);
        StudioCluster.running = null; // running() throws
        try {
            DashboardState s = new DashboardModel(Lookup.getDefault(), Path.of("/")).build(snapshot(List.of()));
            assertEquals(DashboardState.NOT_ACTIVE, s.cluster().summary());
        } finally {
            StudioCluster.running = List.of();
        }
    }

    @Test
    void workDiskIsTheDeepestMountHoldingTheUserDirectory() {
        DiskUsage root = new DiskUsage("/dev/sda1", "/", "ext4", 100 * GB, 10 * GB, 0, 0);
        DiskUsage home = new DiskUsage("/dev/sdb1", "/home", "ext4", 100 * GB, 10 * GB, 0, 0);
        DashboardModel model = new DashboardModel(Lookup.getDefault(), Path.of("/home/editor/.tsperf"));
        assertEquals("/home", model.workDisk(snapshot(List.of(root, home))).mount());
        assertEquals("/", new DashboardModel(Lookup.getDefault(), Path.of("/var/x"))
                .workDisk(snapshot(List.of(root, home))).mount());
    }

    public static final class TwelveOfTwentyProxies implements ProxyService {

        @Override
        public ProxyCounts counts() {
            return new ProxyCounts(12, 20);
        }

        @Override
        public CompletableFuture<String> generateMissing() {
            return CompletableFuture.completedFuture("8 proxies queued");
        }

        @Override
        public ProxyJob generateInBackground(Path source, ProxySettings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProxyJob generateNow(Path source, ProxySettings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(Path source, String reason) {
            return false;
        }

        @Override
        public Optional<ProxyFile> proxyForPlayback(Path source, int viewWidth) {
            return Optional.empty();
        }

        @Override
        public Optional<ProxyFile> readyProxy(Path store, Path source, int viewWidth) {
            return Optional.empty();
        }

        @Override
        public ProxyConfig config() {
            return ProxyConfig.defaults(Path.of("proxies"));
        }
    }

    public static final class MostlyHittingCache implements CacheService {

        @Override
        public CacheStatistics statistics() {
            return new CacheStatistics(87, 13);
        }

        @Override
        public CompletableFuture<String> clear() {
            return CompletableFuture.completedFuture("cleared");
        }
    }

    /**
     * A stand-in for the cluster module, whose own {@code running()} is tested in-process with real members
     * ({@code RunningClustersTest}): on this test's class path its service would be in every test's Lookup.
     */
    public static final class StudioCluster implements ClusterService {

        static volatile List<ClusterStatus> running = List.of();
        static volatile boolean askedOnEventThread;

        @Override
        public List<ClusterStatus> running() {
            askedOnEventThread |= javax.swing.SwingUtilities.isEventDispatchThread();
            return List.copyOf(running);
        }

        @Override
        public ClusterWorker startWorker(ClusterSettings settings) {
            throw new UnsupportedOperationException("the monitor starts nothing");
        }

        @Override
        public ClusterSession connect(ClusterSettings settings) {
            throw new UnsupportedOperationException("the monitor starts nothing");
        }
    }

    public static final class PlayingRenderedPreview implements PlaybackStatus {

        @Override
        public PlaybackFigures figures() {
            return new PlaybackFigures(30, 30, "Rendered preview", Double.NaN, "4K");
        }
    }

    /** A preview render running at 2.44x real time, as the render module reports it. */
    public static final class RenderingAt2point4 implements PreviewRenderService {

        static volatile boolean running = true;

        @Override
        public Optional<RenderProgress> progress() {
            return running ? Optional.of(new RenderProgress(61, 150, 2.44, 3.6)) : Optional.empty();
        }

        @Override
        public void track(Project project) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void userActive() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ChunkState> states() {
            return List.of();
        }

        @Override
        public Optional<RenderedChunk> rendered(PreviewChunk chunk) {
            return Optional.empty();
        }

        @Override
        public Optional<RenderedChunk> rendered(Project project, long frame) {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<Integer> renderAll(Project project, Consumer<RenderProgress> progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addListener(Consumer<List<ChunkState>> listener) {
            // states never change here
        }

        @Override
        public void removeListener(Consumer<List<ChunkState>> listener) {
            // as above
        }
    }
}
