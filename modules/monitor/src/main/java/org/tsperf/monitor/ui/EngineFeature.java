package org.tsperf.monitor.ui;

import org.openide.util.Lookup;
import org.openide.util.NbBundle;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.optimize.Optimizer;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.timeline.PlaybackStatus;

/** The services of other modules that the monitor shows or calls, with the module a user installs or activates to get each. */
@NbBundle.Messages({
    "# {0} - the module's name",
    "HINT_NeedsModule=Needs the {0} module: install or activate it in Tools > Plugins"
})
enum EngineFeature {

    PLAYBACK(PlaybackStatus.class, "Playback"),
    PROXIES(ProxyService.class, "Proxy Manager"),
    CACHE(CacheService.class, "Cache Viewer"),
    TASKS(TaskService.class, "Background Tasks"),
    GPU_BENCHMARK(GpuBenchmark.class, "GPU Scheduler"),
    OPTIMIZER(Optimizer.class, "Optimization Wizard");

    final Class<?> service;
    final String moduleName;

    EngineFeature(Class<?> service, String moduleName) {
        this.service = service;
        this.moduleName = moduleName;
    }

    boolean installed(Lookup lookup) {
        return lookup.lookup(service) != null;
    }

    /**
     * For a disabled button's tooltip and "not active" lines: the module may be absent, or installed and deactivated
     * in Tools &gt; Plugins.
     */
    String missingHint() {
        return Bundle.HINT_NeedsModule(moduleName);
    }
}
