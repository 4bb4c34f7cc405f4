package org.tsperf.monitor.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openide.util.Lookup;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;

/**
 * The Performance Monitor's model: reads the resource monitor's history and the other modules' figures on the
 * window's {@code LiveSampler} thread, never on the event thread (the first figures of the proxy and cache modules
 * open their indexes). A sample that finds no new snapshot and no module come or gone is null: nothing is rendered.
 * Called on one thread at a time.
 */
final class MonitorSampler {

    private final Lookup services;
    private final DashboardModel model;
    private Instant newest;
    private Set<EngineFeature> installed;
    private Boolean monitorFound;

    MonitorSampler(Lookup services, DashboardModel model) {
        this.services = services;
        this.model = model;
    }

    synchronized MonitorView sample() {
        Set<EngineFeature> nowInstalled = EnumSet.noneOf(EngineFeature.class);
        for (EngineFeature f : EngineFeature.values()) {
            if (f.installed(services)) {
                nowInstalled.add(f);
            }
        }
        ResourceMonitor monitor = services.lookup(ResourceMonitor.class);
        List<ResourceSnapshot> added = new ArrayList<>();
        if (monitor != null) {
            // started by the window when it opens, not here: a sample after the module was switched off must not
            // start the monitor's thread again
            for (ResourceSnapshot s : monitor.history()) {
                if (newest == null || s.time().isAfter(newest)) {
                    added.add(s);
                }
            }
        }
        boolean found = monitor != null;
        if (added.isEmpty() && nowInstalled.equals(installed) && Boolean.valueOf(found).equals(monitorFound)) {
            return null;
        }
        installed = nowInstalled;
        monitorFound = found;
        if (!added.isEmpty()) {
            newest = added.get(added.size() - 1).time();
        }
        ResourceSnapshot latest = monitor == null ? null : monitor.latest().orElse(null);
        return new MonitorView(added, latest == null ? null : model.build(latest), nowInstalled, found);
    }
}
