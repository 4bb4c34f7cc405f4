package org.tsperf.tasks;

import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;
import org.tsperf.api.tasks.LoadSource;
import org.tsperf.api.tasks.SystemLoad;

/**
 * The live load for the capacity check, from the resource monitor's latest snapshot (at most a second old).
 * Registered last so that another provider (a test's, or a smarter one) wins.
 */
@ServiceProvider(service = LoadSource.class, position = 10_000)
public final class MonitorLoadSource implements LoadSource {

    @Override
    public SystemLoad current() {
        ResourceMonitor monitor = Lookup.getDefault().lookup(ResourceMonitor.class);
        if (monitor == null) {
            return SystemLoad.IDLE; // no monitor module: nothing to hold tasks back with
        }
        monitor.start();
        return monitor.latest().map(MonitorLoadSource::load).orElse(SystemLoad.IDLE);
    }

    static SystemLoad load(ResourceSnapshot s) {
        double gpu = s.gpu().available() ? s.gpu().utilisationPercent() / 100 : 0;
        return new SystemLoad(s.cpu().systemPercent() / 100, s.memory().physicalPercent() / 100, gpu);
    }
}
