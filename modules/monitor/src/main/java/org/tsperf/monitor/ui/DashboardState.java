package org.tsperf.monitor.ui;

import java.util.List;
import java.util.Set;
import org.openide.util.NbBundle;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceSnapshot;

/**
 * Everything the Performance Monitor window shows at one moment, computed off the event thread.
 *
 * @param snapshot     the resource sample
 * @param workDisk     the file store that holds the user directory (media caches and proxies), if found
 * @param playback     "24.0 fps of 25" or "not active"
 * @param preview      preview quality or "not active"
 * @param renderSpeed  "1.6x real time", "idle" or "not active"
 * @param proxies      "12/20 generated" or "not active"
 * @param cache        "87 % hit rate" or "not active"
 * @param tasks        "3 running, 5 waiting" or "not active"
 * @param cluster      the clusters this workbench takes part in, "none running" or "not active"
 * @param installed    the features whose modules are installed now
 */
@NbBundle.Messages("MSG_NotActive=not active")
record DashboardState(ResourceSnapshot snapshot, DiskUsage workDisk, String playback, String preview,
        String renderSpeed, String proxies, String cache, String tasks, ClusterFigures cluster,
        Set<EngineFeature> installed) {

    static final String NOT_ACTIVE = Bundle.MSG_NotActive();

    List<String> warnings() {
        return snapshot.warnings();
    }
}
