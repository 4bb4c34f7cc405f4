package org.tsperf.monitor.ui;

import java.util.List;
import java.util.Set;
import org.tsperf.api.monitor.ResourceSnapshot;

/**
 * One sample of the Performance Monitor's model, built off the event thread and only rendered on it.
 *
 * @param newSnapshots the snapshots taken since the previous sample (the charts' new points; after the window was
 *                     hidden, the history it missed)
 * @param state        the dashboard of the newest snapshot; null before the first snapshot or without a monitor
 * @param installed    the features whose modules are installed now (the buttons follow them)
 * @param monitorFound whether a {@code ResourceMonitor} service is installed
 */
record MonitorView(List<ResourceSnapshot> newSnapshots, DashboardState state, Set<EngineFeature> installed,
        boolean monitorFound) {
}
