package org.tsperf.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.prefs.BackingStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.openide.util.lookup.Lookups;
import org.tsperf.api.cache.CacheConfig;
import org.tsperf.api.cache.CacheConfiguration;
import org.tsperf.api.gpu.GpuDeviceChoice;
import org.tsperf.api.memory.MemoryConfiguration;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.DiskDescription;
import org.tsperf.api.optimize.DiskKind;
import org.tsperf.api.optimize.FeatureModules;
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
import org.tsperf.api.util.ModulePreferences;

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

    /** Module management as the platform does it, in memory: code name to enabled. */
    private static final class Modules implements FeatureModules {
        final Map<String, Boolean> states = new TreeMap<>();
        final Set<String> finishedAtRestart = new HashSet<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Map<String, Boolean> installed() {
            return Map.copyOf(states);
        }

        @Override
        public Result enable(Set<String> codeNames) {
            calls.add("enable " + new TreeSet<>(codeNames));
            codeNames.forEach(n -> states.put(n, true));
            return new Result(codeNames, Set.copyOf(finishedAtRestart));
        }

        @Override
        public Result disable(Set<String> codeNames) {
            calls.add("disable " + new TreeSet<>(codeNames));
            codeNames.forEach(n -> states.put(n, false));
            return new Result(codeNames, Set.of());
        }
    }

    /** The real settings services of the cache and memory modules (a plain JVM keeps them in memory). */
    private final CacheConfiguration cache = Lookup.getDefault().lookup(CacheConfiguration.class);
    private final MemoryConfiguration memory = Lookup.getDefault().lookup(MemoryConfiguration.class);

    @BeforeEach
    @AfterEach
    void freshSettings() throws BackingStoreException {
        ModulePreferences.forModule(cache.getClass()).clear();
        ModulePreferences.forModule(memory.getClass()).clear();
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
        CacheConfig cacheBefore = cache.config();
        SettingsApplier applier = new SettingsApplier(Lookups.fixed(proxies, gpu, cache, memory));

        List<Change> changes = applier.apply(largeMachine());
        assertEquals(List.of(ProxyResolution.QUARTER, ProxyResolution.HALF), proxies.config.settings().resolutions());
        assertEquals(ProxyFormat.PRORES_PROXY, proxies.config.settings().format());
        assertEquals(4, proxies.config.effectiveJobs());
        assertEquals(Path.of("/store"), proxies.config.settings().store(), "the store is kept");
        assertEquals("RTX", gpu.current);
        Change sizes = changes.stream().filter(c -> c.setting() == Setting.PROXY_SIZES).findFirst().orElseThrow();
        assertEquals(new Change(Setting.PROXY_SIZES, "quarter", "quarter,half", true, ""), sizes);
        assertEquals(Path.of("/home/u/.cache/tsperf/l2"), cache.config().l2Dir(), "stored through the cache's service");
        assertEquals(Path.of("/home/u/.cache/tsperf/l3"), cache.config().l3Dir());
        assertEquals(CacheConfig.L1_FOLLOWS_MEMORY_PROFILE, cache.config().l1BudgetBytes(),
                "the 64 GB profile's own L1 budget: L1 follows the profile (and shrinks under pressure)");
        assertEquals("64 GB machine", memory.profile());
        Change l2 = changes.stream().filter(c -> c.setting() == Setting.CACHE_L2_DIR).findFirst().orElseThrow();
        assertEquals(new Change(Setting.CACHE_L2_DIR, cacheBefore.l2Dir().toString(), "/home/u/.cache/tsperf/l2", true,
                "takes effect after a restart"), l2);
        Change profile = changes.stream().filter(c -> c.setting() == Setting.MEMORY_PROFILE).findFirst().orElseThrow();
        assertEquals(new Change(Setting.MEMORY_PROFILE, "", "64 GB machine", true, "takes effect after a restart"),
                profile);

        applier.undo(changes);
        assertEquals(original, proxies.config, "parallel off with 3 jobs, as before");
        assertEquals(GpuDeviceChoice.AUTOMATIC, gpu.current);
        assertEquals(cacheBefore, cache.config(), "the cache settings from before, exactly");
        assertEquals(MemoryConfiguration.AUTOMATIC, memory.profile());
    }

    @Test
    void moduleRecommendationsSwitchTheModulesAndUndoSwitchesBackOnlyThose() {
        Modules modules = new Modules();
        modules.states.put("org.tsperf.proxy", true);
        modules.states.put("org.tsperf.gpu", true);
        modules.states.put("org.tsperf.memory", false);
        modules.finishedAtRestart.add("org.tsperf.cache");
        Recommendations r = largeMachine().with(Setting.MODULES_INSTALL, "GPU Scheduler,Memory Manager,Cache Viewer")
                .with(Setting.MODULES_REMOVE, "Proxy Manager");
        SettingsApplier applier = new SettingsApplier(Lookups.fixed(modules));

        List<Change> changes = applier.apply(r);
        assertEquals(List.of("enable [org.tsperf.cache, org.tsperf.memory]", "disable [org.tsperf.proxy]"),
                modules.calls, "the GPU Scheduler is already on; the Cache Viewer is installed");
        assertEquals(new Change(Setting.MODULES_INSTALL, "", "Memory Manager,Cache Viewer", true,
                "switched on; Cache Viewer finished only after a restart"), change(changes, Setting.MODULES_INSTALL));
        assertEquals(new Change(Setting.MODULES_REMOVE, "", "Proxy Manager", true, "switched off"),
                change(changes, Setting.MODULES_REMOVE));
        assertEquals(Map.of("org.tsperf.proxy", false, "org.tsperf.gpu", true, "org.tsperf.memory", true,
                "org.tsperf.cache", true), modules.states);

        modules.calls.clear();
        List<Change> undone = applier.undo(changes);
        assertEquals(List.of("disable [org.tsperf.cache, org.tsperf.memory]", "enable [org.tsperf.proxy]"),
                modules.calls, "the modules first, then the settings through their services");
        assertEquals(new Change(Setting.MODULES_REMOVE, "Proxy Manager", "", true, "switched on again"),
                change(undone, Setting.MODULES_REMOVE));
        assertEquals(Map.of("org.tsperf.proxy", true, "org.tsperf.gpu", true, "org.tsperf.memory", false,
                "org.tsperf.cache", false), modules.states, "as before; the GPU Scheduler was never touched");
    }

    @Test
    void moduleRecommendationsWithoutModuleManagementOrWithUnknownNamesSayWhy() {
        Recommendations r = largeMachine().with(Setting.MODULES_REMOVE, "Proxy Manager,Timeline");
        Change remove = change(new SettingsApplier(Lookups.fixed(new Modules())).apply(r), Setting.MODULES_REMOVE);
        assertFalse(remove.applied());
        assertTrue(remove.note().startsWith("not a feature module: Timeline"), remove.note());
        Change install = change(new SettingsApplier(Lookups.fixed()).apply(r), Setting.MODULES_INSTALL);
        assertEquals("module management is not installed: use Tools > Plugins", install.note());
    }

    private static Change change(List<Change> changes, Setting s) {
        return changes.stream().filter(c -> c.setting() == s).findFirst().orElseThrow();
    }

    @Test
    void withoutTheModulesNothingIsAppliedAndEachChangeSaysWhy() {
        List<Change> changes = new SettingsApplier(Lookups.fixed()).apply(largeMachine());
        assertTrue(changes.stream().noneMatch(Change::applied), changes.toString());
        Change gpu = changes.stream().filter(c -> c.setting() == Setting.GPU_PATH).findFirst().orElseThrow();
        assertEquals("the GPU Scheduler is not installed", gpu.note());
        Change l3 = changes.stream().filter(c -> c.setting() == Setting.CACHE_L3_BUDGET).findFirst().orElseThrow();
        assertEquals("the Cache Viewer is not installed", l3.note());
        Change profile = changes.stream().filter(c -> c.setting() == Setting.MEMORY_PROFILE).findFirst().orElseThrow();
        assertEquals("the Memory Manager is not installed", profile.note());
    }

    @Test
    void anL1BudgetOtherThanTheProfilesIsStoredAsItIsAndAppliesAtOnce() {
        java.util.Map<Setting, String> own = java.util.Map.of(Setting.CACHE_L1_BUDGET, "4G");
        assertEquals(own, CacheAndMemoryApplier.followingProfile(own, "64 GB machine"));
        assertEquals("profile", CacheAndMemoryApplier.followingProfile(java.util.Map.of(Setting.CACHE_L1_BUDGET,
                "12G"), "64 GB machine").get(Setting.CACHE_L1_BUDGET));
        List<Change> changes = new CacheAndMemoryApplier(Lookups.fixed(cache)).cache(own);
        assertEquals(4 * GIB, cache.config().l1BudgetBytes());
        assertEquals(List.of(new Change(Setting.CACHE_L1_BUDGET, "profile", "4G", true, "")), changes);
    }

    @Test
    void cacheFoldersTheCacheCannotTakeAreNotAppliedAndSaySo() {
        CacheConfig before = cache.config();
        HardwareDescription hw = new HardwareDescription(4, 8 * GIB, List.of(), "cpu", 1, 1, List.of(
                new DiskDescription("/", "relative/cache", DiskKind.HDD, 500 * GIB, 100 * GIB, 100, 100)),
                List.of(), List.of());
        Recommendations r = Recommender.recommend(new SystemDescription(hw, new WorkloadDescription(List.of(), 60),
                Set.of()));
        List<Change> changes = new SettingsApplier(Lookups.fixed(cache, memory)).apply(r);
        Change l2 = changes.stream().filter(c -> c.setting() == Setting.CACHE_L2_DIR).findFirst().orElseThrow();
        assertFalse(l2.applied());
        assertTrue(l2.note().contains("must be an absolute path"), l2.note());
        assertEquals(before, cache.config(), "nothing of the cache's settings changed");
        assertEquals("8 GB machine", memory.profile(), "the memory profile is applied on its own");
    }
}
