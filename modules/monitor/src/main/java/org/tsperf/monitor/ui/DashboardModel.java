package org.tsperf.monitor.ui;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceSnapshot;
import org.tsperf.api.proxy.ProxyCounts;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.tasks.TaskCounts;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.timeline.PlaybackFigures;
import org.tsperf.api.timeline.PlaybackStatus;

/**
 * Builds {@link DashboardState} from a snapshot and the services installed now. Runs on the sampler thread:
 * the services' status calls are cheap by contract, and nothing here touches Swing.
 */
final class DashboardModel {

    private static final Logger LOG = Logger.getLogger(DashboardModel.class.getName());

    private final Lookup lookup;
    private final Path workDirectory;

    DashboardModel(Lookup lookup, Path workDirectory) {
        this.lookup = lookup;
        this.workDirectory = workDirectory.toAbsolutePath();
    }

    /** "60 FPS (4K)" while playing, "paused (4K, 60 fps)" with a file open, else "nothing playing". */
    static String playbackLine(PlaybackFigures p) {
        if (p.resolution().isEmpty()) {
            return "nothing playing";
        }
        if (p.playbackFps() > 0) {
            return String.format(Locale.ROOT, "%.0f FPS (%s)", p.playbackFps(), p.resolution());
        }
        return String.format(Locale.ROOT, "paused (%s, %.3g fps)", p.resolution(), p.targetFps());
    }

    DashboardState build(ResourceSnapshot s) {
        Set<EngineFeature> installed = EnumSet.noneOf(EngineFeature.class);
        for (EngineFeature f : EngineFeature.values()) {
            if (f.installed(lookup)) {
                installed.add(f);
            }
        }
        PlaybackFigures playback = ask(PlaybackStatus.class, PlaybackStatus::figures);
        String fps = playback == null ? DashboardState.NOT_ACTIVE : playbackLine(playback);
        String preview = playback == null ? DashboardState.NOT_ACTIVE : playback.preview();
        String render = playback == null ? DashboardState.NOT_ACTIVE
                : Double.isNaN(playback.renderSpeed()) ? "idle"
                : String.format(Locale.ROOT, "%.1fx real time", playback.renderSpeed());
        ProxyCounts proxyCounts = ask(ProxyService.class, ProxyService::counts);
        String proxies = proxyCounts == null ? DashboardState.NOT_ACTIVE
                : proxyCounts.generated() + "/" + proxyCounts.wanted() + " generated";
        Double hitRate = ask(CacheService.class, c -> c.statistics().hitRate());
        String cache = hitRate == null ? DashboardState.NOT_ACTIVE
                : String.format(Locale.ROOT, "%.0f %% hit rate", 100 * hitRate);
        TaskCounts taskCounts = ask(TaskService.class, TaskService::counts);
        String tasks = taskCounts == null ? DashboardState.NOT_ACTIVE
                : taskCounts.running() + " running, " + taskCounts.waiting() + " waiting";
        return new DashboardState(s, workDisk(s), fps, preview, render, proxies, cache, tasks, installed);
    }

    /** The file store with the longest mount point that contains the work directory. */
    DiskUsage workDisk(ResourceSnapshot s) {
        DiskUsage best = null;
        for (DiskUsage d : s.disks()) {
            if (workDirectory.startsWith(Path.of(d.mount()))
                    && (best == null || d.mount().length() > best.mount().length())) {
                best = d;
            }
        }
        if (best == null && !s.disks().isEmpty()) {
            best = s.disks().get(0);
        }
        return best;
    }

    private <S, R> R ask(Class<S> service, Function<S, R> question) {
        S impl = lookup.lookup(service);
        if (impl == null) {
            return null;
        }
        try {
            return question.apply(impl);
        } catch (RuntimeException ex) {
            // a broken provider shows as missing figures, not as a dead monitor
            LOG.log(Level.WARNING, service.getSimpleName() + " from " + impl.getClass().getName() + " failed", ex);
            return null;
        }
    }
}
