package org.tsperf.wizard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.GpuDeviceChoice;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.Recommendation;
import org.tsperf.api.optimize.Recommendations;
import org.tsperf.api.optimize.Setting;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.util.SettingsNotSavedException;

/**
 * Applies recommendations through the services that take them: proxy sizes, format and parallel jobs through
 * {@link ProxyConfiguration}, the GPU path through {@link GpuDeviceChoice}, the memory profile and the cache levels
 * through {@link CacheAndMemoryApplier}, the feature modules to install or remove through {@link ModulesApplier}
 * (last, and first on undo). Not on the event thread (the GPU choice waits for running frames).
 */
final class SettingsApplier {


    private final Lookup lookup;
    private final CacheAndMemoryApplier cacheAndMemory;
    private final ModulesApplier modules;
    /** The proxy configuration the last apply replaced, and the one it set: undo restores it exactly. */
    private ProxyConfig replaced;
    private ProxyConfig set;

    SettingsApplier(Lookup lookup) {
        this.lookup = lookup;
        this.cacheAndMemory = new CacheAndMemoryApplier(lookup);
        this.modules = new ModulesApplier(lookup);
    }

    synchronized List<Change> apply(Recommendations r) {
        List<Change> out = new ArrayList<>();
        ProxyConfiguration conf = lookup.lookup(ProxyConfiguration.class);
        replaced = conf == null ? null : conf.config();
        out.addAll(proxy(r.get(Setting.PROXY_SIZES).value(), r.get(Setting.PROXY_FORMAT).value(),
                r.get(Setting.PARALLEL_JOBS).value()));
        set = conf == null ? null : conf.config();
        out.add(gpu(r.get(Setting.GPU_PATH).value()));
        Map<Setting, String> cache = new EnumMap<>(Setting.class);
        for (Recommendation rec : r.items()) {
            switch (rec.setting()) {
                case MEMORY_PROFILE -> out.add(cacheAndMemory.memory(rec.value()));
                case CACHE_L1_BUDGET, CACHE_L2_DIR, CACHE_L2_BUDGET, CACHE_L3_DIR, CACHE_L3_BUDGET ->
                    cache.put(rec.setting(), rec.value());
                default -> {
                    // applied above, or the modules below
                }
            }
        }
        out.addAll(cacheAndMemory.cache(CacheAndMemoryApplier.followingProfile(cache,
                r.get(Setting.MEMORY_PROFILE).value())));
        // last: a module switched off takes its service (e.g. the proxy configuration) with it
        out.add(modules.apply(Setting.MODULES_INSTALL, r.get(Setting.MODULES_INSTALL).value()));
        out.add(modules.apply(Setting.MODULES_REMOVE, r.get(Setting.MODULES_REMOVE).value()));
        return out;
    }

    /** Sets back every applied change's value from before. */
    synchronized List<Change> undo(List<Change> changes) {
        String sizes = null;
        String format = null;
        String jobs = null;
        List<Change> out = new ArrayList<>();
        // first: a module switched back on brings back the service the other settings are set back through
        for (Change c : changes) {
            if (c.changed() && (c.setting() == Setting.MODULES_INSTALL || c.setting() == Setting.MODULES_REMOVE)) {
                out.add(modules.undo(c));
            }
        }
        for (Change c : changes) {
            if (!c.changed()) {
                continue;
            }
            switch (c.setting()) {
                case PROXY_SIZES -> sizes = c.before();
                case PROXY_FORMAT -> format = c.before();
                case PARALLEL_JOBS -> jobs = c.before();
                case GPU_PATH -> out.add(gpu(c.before()));
                case MEMORY_PROFILE -> out.add(cacheAndMemory.memory(c.before()));
                case CACHE_L1_BUDGET, CACHE_L2_DIR, CACHE_L2_BUDGET, CACHE_L3_DIR, CACHE_L3_BUDGET,
                        MODULES_INSTALL, MODULES_REMOVE -> {
                    // together below; the modules above
                }
                default -> throw new IllegalArgumentException("cannot undo " + c.setting().key());
            }
        }
        out.addAll(cacheAndMemory.undoCache(changes));
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
            try {
                conf.setConfig(now);
            } catch (SettingsNotSavedException ex) { // a full disk: nothing of it is saved or applied
                return List.of(new Change(Setting.PROXY_SIZES, names(old), names(old), false, ex.getMessage()),
                        new Change(Setting.PROXY_FORMAT, s.format().id(), s.format().id(), false, ex.getMessage()),
                        new Change(Setting.PARALLEL_JOBS, Integer.toString(old.effectiveJobs()),
                                Integer.toString(old.effectiveJobs()), false, ex.getMessage()));
            }
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
            try {
                choice.choose(path);
            } catch (SettingsNotSavedException ex) {
                return new Change(Setting.GPU_PATH, before, before, false, ex.getMessage());
            }
        }
        return new Change(Setting.GPU_PATH, before, path, true, "");
    }
}
