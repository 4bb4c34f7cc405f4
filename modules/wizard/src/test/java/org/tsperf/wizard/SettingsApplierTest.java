package org.tsperf.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openide.util.lookup.Lookups;
import org.tsperf.api.gpu.GpuDeviceChoice;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.DiskDescription;
import org.tsperf.api.optimize.DiskKind;
import org.tsperf.api.optimize.GpuDescription;
import org.tsperf.api.optimize.HardwareDescription;
import org.tsperf.api.optimize.MediaDescription;
import org.tsperf.api.optimize.Recommendations;
import org.tsperf.api.optimize.Setting;
import org.tsperf.api.optimize.SystemDescription;
import org.tsperf.api.optimize.WorkloadDescription;
import org.tsperf.api.proxy.CleanupPolicy;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyResolution;

class SettingsApplierTest {

    private static final long GIB = 1L << 30;

    private static final class Proxies implements ProxyConfiguration {
        volatile ProxyConfig config;
        int saves;

        @Override
        public ProxyConfig config() {
            return config;
        }

        @Override
        public void setConfig(ProxyConfig c) {
            config = c;
            saves++;
        }
    }

    private static final class Gpu implements GpuDeviceChoice {
        volatile String current = AUTOMATIC;

        @Override
        public String current() {
            return current;
        }

        @Override
        public void choose(String choice) {
            current = choice;
        }

        @Override
        public Optional<String> overriddenBy() {
            return Optional.empty();
        }
    }

    private static Recommendations largeMachine() {
        HardwareDescription hw = new HardwareDescription(16, 64 * GIB,
                List.of(new GpuDescription("RTX", "discrete", 12 * GIB)), "vulkan", 2, 9, List.of(
                new DiskDescription("/", "/home/u/.cache/tsperf", DiskKind.NVME, 1000 * GIB, 800 * GIB, 2000, 3000)),
                List.of(), List.of());
        return Recommender.recommend(new SystemDescription(hw, new WorkloadDescription(
                List.of(new MediaDescription(3840, 2160, "hevc", 50, 60)), 60), Set.of("Proxy Manager")));
    }

    @Test
    void applyChangesProxiesAndGpuAndUndoRestoresExactlyWhatWasThere() {
        Proxies proxies = new Proxies();
        ProxyConfig original = new ProxyConfig(ProxyConfig.defaults(Path.of("/store")).settings()
                .withStore(Path.of("/store")), true, false, 3, 10 * GIB, CleanupPolicy.LEAST_RECENTLY_USED, true);
        original = original.withSettings(new org.tsperf.api.proxy.ProxySettings(List.of(ProxyResolution.QUARTER),
                ProxyFormat.H264, original.settings().quality(), Path.of("/store")));
        proxies.config = original;
        Gpu gpu = new Gpu();
        SettingsApplier applier = new SettingsApplier(Lookups.fixed(proxies, gpu));

        List<Change> changes = applier.apply(largeMachine());
        assertEquals(List.of(ProxyResolution.QUARTER, ProxyResolution.HALF), proxies.config.settings().resolutions());
        assertEquals(ProxyFormat.PRORES_PROXY, proxies.config.settings().format());
        assertEquals(4, proxies.config.effectiveJobs());
        assertEquals(Path.of("/store"), proxies.config.settings().store(), "the store is kept");
        assertEquals("RTX", gpu.current);
        Change sizes = changes.stream().filter(c -> c.setting() == Setting.PROXY_SIZES).findFirst().orElseThrow();
        assertEquals(new Change(Setting.PROXY_SIZES, "quarter", "quarter,half", true, ""), sizes);
        Change l2 = changes.stream().filter(c -> c.setting() == Setting.CACHE_L2_DIR).findFirst().orElseThrow();
        assertFalse(l2.applied());
        assertTrue(l2.note().contains("-J-Dtsperf.cache.l2.dir=/home/u/.cache/tsperf/l2"), l2.note());

        applier.undo(changes);
        assertEquals(original, proxies.config, "parallel off with 3 jobs, as before");
        assertEquals(GpuDeviceChoice.AUTOMATIC, gpu.current);
    }

    @Test
    void withoutTheModulesNothingIsAppliedAndEachChangeSaysWhy() {
        List<Change> changes = new SettingsApplier(Lookups.fixed()).apply(largeMachine());
        assertTrue(changes.stream().noneMatch(Change::applied), changes.toString());
        Change gpu = changes.stream().filter(c -> c.setting() == Setting.GPU_PATH).findFirst().orElseThrow();
        assertEquals("the GPU Scheduler is not installed", gpu.note());
    }
}
