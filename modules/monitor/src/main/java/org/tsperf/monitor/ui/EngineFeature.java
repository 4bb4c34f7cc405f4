package org.tsperf.monitor.ui;

import org.openide.util.Lookup;
import org.openide.util.NbBundle;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.optimize.Optimizer;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.timeline.PlaybackStatus;

/** The services of other modules that the monitor shows or calls, with the module a user installs or activates to get each. */
@NbBundle.Messages({
    "# {0} - the module's name",
    "HINT_NeedsModule=Needs the {0} module: install or activate it in Tools > Plugins",
    "MODULE_Playback=Playback",
    "MODULE_ProxyManager=Proxy Manager",
    "MODULE_CacheViewer=Cache Viewer",
    "MODULE_BackgroundTasks=Background Tasks",
    "MODULE_GpuScheduler=GPU Scheduler",
    "MODULE_OptimizationWizard=Optimization Wizard",
    "MODULE_DistributedRendering=Distributed Rendering"
})
enum EngineFeature {

    PLAYBACK(PlaybackStatus.class, Bundle.MODULE_Playback()),
    PROXIES(ProxyService.class, Bundle.MODULE_ProxyManager()),
    CACHE(CacheService.class, Bundle.MODULE_CacheViewer()),
    TASKS(TaskService.class, Bundle.MODULE_BackgroundTasks()),
    GPU_BENCHMARK(GpuBenchmark.class, Bundle.MODULE_GpuScheduler()),
    OPTIMIZER(Optimizer.class, Bundle.MODULE_OptimizationWizard()),
    CLUSTER(ClusterService.class, Bundle.MODULE_DistributedRendering());

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
