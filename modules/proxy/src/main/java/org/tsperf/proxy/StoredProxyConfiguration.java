package org.tsperf.proxy;

import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskType;

/** {@link ProxyConfiguration}: the module's preferences ({@link ProxyConfigStore}), applied when saved. */
@ServiceProvider(service = ProxyConfiguration.class)
public final class StoredProxyConfiguration implements ProxyConfiguration {

    @Override
    public ProxyConfig config() {
        return ProxyConfigStore.load(DefaultProxyService.defaultStore());
    }

    @Override
    public void setConfig(ProxyConfig config) {
        ProxyConfigStore.save(config);
        applyWorkers(config);
        StoreCleanup.enforceInBackground(config);
    }

    /** How many proxy jobs run at once: the configuration's count, in the task system's proxy queue. */
    static void applyWorkers(ProxyConfig config) {
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        if (tasks != null) {
            tasks.setWorkers(TaskType.PROXY, config.effectiveJobs());
        }
    }
}
