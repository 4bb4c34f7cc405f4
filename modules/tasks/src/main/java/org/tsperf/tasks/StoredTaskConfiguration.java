package org.tsperf.tasks;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.Preferences;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.tasks.TaskConfig;
import org.tsperf.api.tasks.TaskConfiguration;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.util.ModulePreferences;
import org.tsperf.api.util.StoredSettings;

/**
 * {@link TaskConfiguration} of the tasks module: this module's preferences (the user directory's
 * {@code config/Preferences/org/tsperf/tasks.properties} in the workbench), keys {@code workers.proxy},
 * {@code workers.thumbnail}, ..., {@code maxDeferralSeconds}, {@code stallSeconds}.
 */
@ServiceProvider(service = TaskConfiguration.class)
public final class StoredTaskConfiguration implements TaskConfiguration {

    static final String MAX_DEFERRAL = "maxDeferralSeconds";
    static final String STALL = "stallSeconds";
    private static final Logger LOG = Logger.getLogger(StoredTaskConfiguration.class.getName());

    private final Preferences node;
    private final Lookup lookup;

    public StoredTaskConfiguration() {
        this(ModulePreferences.forModule(StoredTaskConfiguration.class), Lookup.getDefault());
    }

    StoredTaskConfiguration(Preferences node, Lookup lookup) {
        this.node = node;
        this.lookup = lookup;
    }

    static String workersKey(TaskType type) {
        return "workers." + type.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public TaskConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<TaskType, Integer> w = new EnumMap<>(TaskType.class);
        w.put(TaskType.PROXY, Math.max(1, cores / 2)); // each proxy job is itself multi-threaded
        w.put(TaskType.THUMBNAIL, Math.max(1, cores / 2));
        w.put(TaskType.RENDER, 1);
        w.put(TaskType.CACHE_MAINTENANCE, 1);
        return new TaskConfig(w, Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    @Override
    public synchronized TaskConfig config() {
        TaskConfig d = defaults();
        Map<TaskType, Integer> w = new EnumMap<>(TaskType.class);
        for (TaskType t : TaskType.values()) {
            w.put(t, StoredSettings.read(node, workersKey(t), d.workers(t),
                    v -> d.withWorkers(t, Integer.parseInt(v)).workers(t)));
        }
        Duration deferral = StoredSettings.read(node, MAX_DEFERRAL, d.maxDeferral(), v -> new TaskConfig(d.workers(),
                Duration.ofSeconds(Long.parseLong(v)), d.stallTimeout()).maxDeferral());
        Duration stall = StoredSettings.read(node, STALL, d.stallTimeout(), v -> new TaskConfig(d.workers(),
                d.maxDeferral(), Duration.ofSeconds(Long.parseLong(v))).stallTimeout());
        return new TaskConfig(w, deferral, stall);
    }

    @Override
    public boolean setConfig(TaskConfig config) {
        TaskConfig before;
        Map<String, String> values = new LinkedHashMap<>();
        synchronized (this) { // not while the task system applies it: config() stays quick for the Options panel
            before = config();
            for (TaskType t : TaskType.values()) {
                values.put(workersKey(t), Integer.toString(config.workers(t)));
            }
            values.put(MAX_DEFERRAL, Long.toString(config.maxDeferral().toSeconds()));
            values.put(STALL, Long.toString(config.stallTimeout().toSeconds()));
        }
        StoredSettings.save(node, values); // a disk without room throws here: nothing below is applied
        TaskService tasks = lookup.lookup(TaskService.class);
        if (tasks != null) {
            for (TaskType t : TaskType.values()) {
                if (config.workers(t) != before.workers(t)) {
                    tasks.setWorkers(t, config.workers(t));
                }
            }
        }
        boolean live = config.maxDeferral().equals(before.maxDeferral())
                && config.stallTimeout().equals(before.stallTimeout());
        if (!live) {
            LOG.log(Level.INFO, "The longest deferral ({0} s) and stall timeout ({1} s) take effect after a restart",
                    new Object[] {config.maxDeferral().toSeconds(), config.stallTimeout().toSeconds()});
        }
        return live;
    }
}
