package org.tsperf.wizard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.gpu.GpuDeviceChoice;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.Recommendation;
import org.tsperf.api.optimize.Recommendations;
import org.tsperf.api.optimize.Setting;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;

/**
 * Applies recommendations through the services that take them: proxy sizes, format and parallel jobs through
 * {@link ProxyConfiguration}, the GPU path through {@link GpuDeviceChoice}. The memory profile and the cache levels
 * have no settings service yet: their changes say which start option sets them. Not on the event thread (the GPU
 * choice waits for running frames).
 */
final class SettingsApplier {

    private static final Logger LOG = Logger.getLogger(SettingsApplier.class.getName());

    private final Lookup lookup;
    /** The proxy configuration the last apply replaced, and the one it set: undo restores it exactly. */
    private ProxyConfig replaced;
    private ProxyConfig set;

    SettingsApplier(Lookup lookup) {
        this.lookup = lookup;
    }

    synchronized List<Change> apply(Recommendations r) {
        List<Change> out = new ArrayList<>();
        ProxyConfiguration conf = lookup.lookup(ProxyConfiguration.class);
        replaced = conf == null ? null : conf.config();
        out.addAll(proxy(r.get(Setting.PROXY_SIZES).value(), r.get(Setting.PROXY_FORMAT).value(),
                r.get(Setting.PARALLEL_JOBS).value()));
        set = conf == null ? null : conf.config();
        out.add(gpu(r.get(Setting.GPU_PATH).value()));
        for (Recommendation rec : r.items()) {
            switch (rec.setting()) {
                case MEMORY_PROFILE, CACHE_L1_BUDGET, CACHE_L2_DIR, CACHE_L2_BUDGET, CACHE_L3_DIR, CACHE_L3_BUDGET ->
                    out.add(startOption(rec));
                case MODULES_INSTALL, MODULES_REMOVE -> out.add(new Change(rec.setting(), "", rec.value(), false,
                        rec.value().isEmpty() ? "" : "install or remove feature modules in Tools > Plugins"));
                default -> {
                    // applied above
                }
            }
        }
        return out;
    }

    /** Sets back every applied change's value from before. */
    synchronized List<Change> undo(List<Change> changes) {
        String sizes = null;
        String format = null;
        String jobs = null;
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            if (!c.changed()) {
                continue;
            }
            switch (c.setting()) {
                case PROXY_SIZES -> sizes = c.before();
                case PROXY_FORMAT -> format = c.before();
                case PARALLEL_JOBS -> jobs = c.before();
                case GPU_PATH -> out.add(gpu(c.before()));
                default -> throw new IllegalArgumentException("cannot undo " + c.setting().key());
            }
        }
        ProxyConfiguration conf = lookup.lookup(ProxyConfiguration.class);
        if (conf != null && replaced != null && conf.config().equals(set)) {
            ProxyConfig now = set;
            conf.setConfig(replaced); // exactly as before, e.g. parallel off with its job count kept
            out.add(new Change(Setting.PROXY_SIZES, names(now), names(replaced), true, ""));
            out.add(new Change(Setting.PROXY_FORMAT, now.settings().format().id(), replaced.settings().format().id(),
                    true, ""));
            out.add(new Change(Setting.PARALLEL_JOBS, Integer.toString(now.effectiveJobs()),
                    Integer.toString(replaced.effectiveJobs()), true, ""));
            replaced = null;
        } else if (sizes != null || format != null || jobs != null) {
            out.addAll(proxy(sizes, format, jobs));
        }
        return out;
    }

    private List<Change> proxy(String sizes, String format, String jobs) {
        ProxyConfiguration conf = lookup.lookup(ProxyConfiguration.class);
        if (conf == null) {
            String note = "the Proxy Manager is not installed";
            return List.of(new Change(Setting.PROXY_SIZES, "", sizes == null ? "" : sizes, false, note),
                    new Change(Setting.PROXY_FORMAT, "", format == null ? "" : format, false, note),
                    new Change(Setting.PARALLEL_JOBS, "", jobs == null ? "" : jobs, false, note));
        }
        ProxyConfig old = conf.config();
        ProxySettings s = old.settings();
        List<ProxyResolution> resolutions = sizes == null ? s.resolutions()
                : Arrays.stream(sizes.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                        .map(ProxyResolution::named).toList();
        ProxyFormat f = format == null ? s.format() : ProxyFormat.parse(format);
        int n = jobs == null ? old.effectiveJobs() : Integer.parseInt(jobs.trim());
        boolean parallel = jobs == null ? old.parallelGeneration() : n > 1;
        int max = jobs == null ? old.maxConcurrentJobs() : n;
        ProxyConfig now = new ProxyConfig(new ProxySettings(resolutions, f, s.quality(), s.store()),
                old.generateAsync(), parallel, max, old.maxCacheSizeBytes(), old.cleanupPolicy(), old.useProxies());
        if (!now.equals(old)) {
            conf.setConfig(now);
        }
        return List.of(new Change(Setting.PROXY_SIZES, names(old), names(now), true, ""),
                new Change(Setting.PROXY_FORMAT, s.format().id(), f.id(), true, ""),
                new Change(Setting.PARALLEL_JOBS, Integer.toString(old.effectiveJobs()),
                        Integer.toString(now.effectiveJobs()), true, ""));
    }

    private static String names(ProxyConfig c) {
        return c.settings().resolutions().stream().map(ProxyResolution::name).collect(Collectors.joining(","));
    }

    private Change gpu(String path) {
        GpuDeviceChoice choice = lookup.lookup(GpuDeviceChoice.class);
        if (choice == null) {
            return new Change(Setting.GPU_PATH, "", path, false, "the GPU Scheduler is not installed");
        }
        String before = choice.current();
        Optional<String> forced = choice.overriddenBy();
        if (forced.isPresent()) {
            return new Change(Setting.GPU_PATH, before, before, false, "decided by " + forced.get());
        }
        if (!path.equals(before)) {
            choice.choose(path);
        }
        return new Change(Setting.GPU_PATH, before, path, true, "");
    }

    private Change startOption(Recommendation rec) {
        String before = current(rec.setting());
        String property = switch (rec.setting()) {
            case MEMORY_PROFILE -> "tsperf.memory.profile";
            default -> "tsperf." + rec.setting().key();
        };
        String value = rec.setting() == Setting.MEMORY_PROFILE ? rec.value().split(" ")[0] : rec.value();
        String note = before.equals(rec.value()) || rec.value().isEmpty() ? ""
                : "no settings service for this yet: start with -J-D" + property + "=" + value
                + " (./tsperf: TSPERF_JAVA_OPTS=-D" + property + "=" + value + ")";
        return new Change(rec.setting(), before, before, false, note);
    }

    private String current(Setting setting) {
        if (setting == Setting.MEMORY_PROFILE) {
            MemoryManager m = lookup.lookup(MemoryManager.class);
            return m == null ? "" : m.profile().name();
        }
        MultiLevelCache cache = lookup.lookup(MultiLevelCache.class);
        if (cache == null) {
            return "";
        }
        CacheLevel level = switch (setting) {
            case CACHE_L1_BUDGET -> CacheLevel.L1;
            case CACHE_L2_DIR, CACHE_L2_BUDGET -> CacheLevel.L2;
            default -> CacheLevel.L3;
        };
        try {
            for (LevelStatistics l : cache.levels()) {
                if (l.level() == level) {
                    return setting.key().endsWith(".dir") ? l.location() : Figures.size(l.budgetBytes());
                }
            }
        } catch (RuntimeException ex) { // a disk level that cannot be read: its value now is not known
            LOG.log(Level.INFO, "the cache's " + level + " cannot be read; its value before is not known", ex);
        }
        return "";
    }
}
