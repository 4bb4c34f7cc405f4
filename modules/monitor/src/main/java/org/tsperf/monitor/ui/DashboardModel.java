package org.tsperf.monitor.ui;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.openide.util.NbBundle;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceSnapshot;
import org.tsperf.api.proxy.ProxyCounts;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.tasks.TaskCounts;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.timeline.PlaybackFigures;
import org.tsperf.api.timeline.PlaybackStatus;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.RenderProgress;

/**
 * Builds {@link DashboardState} from a snapshot and the services installed now. Runs on the window's sampler thread,
 * never on the event thread: the first status call of the proxy and cache services opens their indexes. Nothing here
 * touches Swing.
 */
@NbBundle.Messages({
    "MSG_NothingPlaying=nothing playing",
    "# {0} - frames per second", "# {1} - resolution",
    "FMT_Playing={0} FPS ({1})",
    "# {0} - resolution", "# {1} - frames per second",
    "FMT_Paused=paused ({0}, {1} fps)",
    "MSG_RenderIdle=idle",
    "# {0} - speed", "FMT_PreviewRender=Render: {0}x",
    "# {0} - what plays", "# {1} - speed", "FMT_PreviewAndRender={0}; Render: {1}x",
    "# {0} - speed", "FMT_RenderSpeed={0}x real time",
    "# {0} - generated", "# {1} - wanted", "FMT_Proxies={0}/{1} generated",
    "# {0} - percent", "FMT_HitRate={0} % hit rate",
    "# {0} - running", "# {1} - waiting", "FMT_Tasks={0} running, {1} waiting"
})
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
            return Bundle.MSG_NothingPlaying();
        }
        if (p.playbackFps() > 0) {
            return Bundle.FMT_Playing(String.format(Locale.ROOT, "%.0f", p.playbackFps()), p.resolution());
        }
        return Bundle.FMT_Paused(p.resolution(), String.format(Locale.ROOT, "%.3g", p.targetFps()));
    }

    /**
     * What plays from where ("Rendered preview"), and while a preview render runs its real-time speed
     * ("Render: 2.4x"); the render's speed alone when the playback module is absent.
     */
    static String previewLine(PlaybackFigures playback, RenderProgress previewRender) {
        if (previewRender == null) {
            return playback == null ? DashboardState.NOT_ACTIVE : playback.preview();
        }
        String speed = String.format(Locale.ROOT, "%.1f", previewRender.realTimeSpeed());
        return playback == null ? Bundle.FMT_PreviewRender(speed)
                : Bundle.FMT_PreviewAndRender(playback.preview(), speed);
    }

    DashboardState build(ResourceSnapshot s) {
        Set<EngineFeature> installed = EnumSet.noneOf(EngineFeature.class);
        for (EngineFeature f : EngineFeature.values()) {
            if (f.installed(lookup)) {
                installed.add(f);
            }
        }
        PlaybackFigures playback = ask(PlaybackStatus.class, PlaybackStatus::figures);
        RenderProgress previewRender = ask(PreviewRenderService.class, p -> p.progress().orElse(null));
        String fps = playback == null ? DashboardState.NOT_ACTIVE : playbackLine(playback);
        String preview = previewLine(playback, previewRender);
        double speed = previewRender != null ? previewRender.realTimeSpeed()
                : playback != null ? playback.renderSpeed() : Double.NaN;
        String render = playback == null && previewRender == null ? DashboardState.NOT_ACTIVE
                : Double.isNaN(speed) ? Bundle.MSG_RenderIdle()
                : Bundle.FMT_RenderSpeed(String.format(Locale.ROOT, "%.1f", speed));
        ProxyCounts proxyCounts = ask(ProxyService.class, ProxyService::counts);
        String proxies = proxyCounts == null ? DashboardState.NOT_ACTIVE
                : Bundle.FMT_Proxies(String.valueOf(proxyCounts.generated()), String.valueOf(proxyCounts.wanted()));
        Double hitRate = ask(CacheService.class, c -> c.statistics().hitRate());
        String cache = hitRate == null ? DashboardState.NOT_ACTIVE
                : Bundle.FMT_HitRate(String.format(Locale.ROOT, "%.0f", 100 * hitRate));
        TaskCounts taskCounts = ask(TaskService.class, TaskService::counts);
        String tasks = taskCounts == null ? DashboardState.NOT_ACTIVE
                : Bundle.FMT_Tasks(String.valueOf(taskCounts.running()), String.valueOf(taskCounts.waiting()));
        ClusterFigures cluster = ask(ClusterService.class, c -> ClusterFigures.of(c.running()));
        return new DashboardState(s, workDisk(s), fps, preview, render, proxies, cache, tasks,
                cluster == null ? ClusterFigures.NOT_ACTIVE : cluster, installed);
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
