package org.tsperf.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netbeans.junit.MockServices;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.cache.CacheStatistics;
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
}
