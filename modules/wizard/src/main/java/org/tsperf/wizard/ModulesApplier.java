package org.tsperf.wizard;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openide.util.Lookup;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.FeatureModules;
import org.tsperf.api.optimize.Setting;

/**
 * The module recommendations through {@link FeatureModules}: {@code modules.remove} switches the named feature
 * modules off, {@code modules.install} switches them on (installing from the update center those not installed).
 * A change's {@code after} lists the modules that were switched, by the names the recommendation uses, so Undo
 * switches exactly those back; its {@code before} is empty.
 */
final class ModulesApplier {

    /** A feature module's name in the recommendations to its code name base. */
    static final Map<String, String> CODE_NAMES = Map.of(Recommender.PROXY_MANAGER, "org.tsperf.proxy",
            Recommender.GPU_SCHEDULER, "org.tsperf.gpu", Recommender.MEMORY_MANAGER, "org.tsperf.memory",
            Recommender.CACHE_VIEWER, "org.tsperf.cache", "Performance Monitor", "org.tsperf.monitor");

    private static final String SWITCHED_OFF = "switched off";
    private static final String SWITCHED_ON = "switched on";

    private final Lookup lookup;

    ModulesApplier(Lookup lookup) {
        this.lookup = lookup;
    }

    /** Applies {@code modules.install} or {@code modules.remove} with its value (names, comma-separated). */
    Change apply(Setting setting, String value) {
        return switchModules(setting, names(value), setting == Setting.MODULES_INSTALL, false);
    }

    /** Switches back the modules an applied change switched. */
    Change undo(Change applied) {
        return switchModules(applied.setting(), names(applied.after()),
                applied.setting() == Setting.MODULES_REMOVE, true);
    }

    private Change switchModules(Setting setting, List<String> names, boolean on, boolean undoing) {
        String value = String.join(",", names);
        if (names.isEmpty()) {
            return new Change(setting, "", "", false, ""); // nothing recommended
        }
        List<String> unknown = names.stream().filter(n -> !CODE_NAMES.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            return new Change(setting, "", value, false, "not a feature module: " + String.join(", ", unknown)
                    + " (one of " + String.join(", ", CODE_NAMES.keySet().stream().sorted().toList()) + ")");
        }
        FeatureModules modules = lookup.lookup(FeatureModules.class);
        if (modules == null) {
            return new Change(setting, "", value, false,
                    "module management is not installed: use Tools > Plugins");
        }
        Map<String, Boolean> installed = modules.installed();
        // only what needs switching: Undo must not switch back what was already so
        Set<String> codes = names.stream().map(CODE_NAMES::get)
                .filter(c -> on ? !Boolean.TRUE.equals(installed.get(c)) : Boolean.TRUE.equals(installed.get(c)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (codes.isEmpty()) {
            return new Change(setting, "", "", true, "");
        }
        FeatureModules.Result r;
        try {
            r = on ? modules.enable(codes) : modules.disable(codes);
        } catch (IllegalStateException ex) {
            return new Change(setting, "", value, false, ex.getMessage()); // logged by the service
        }
        String switched = names.stream().filter(n -> r.changed().contains(CODE_NAMES.get(n)))
                .collect(Collectors.joining(","));
        String restart = names.stream().filter(n -> r.needsRestart().contains(CODE_NAMES.get(n)))
                .collect(Collectors.joining(", "));
        String note = (on ? SWITCHED_ON : SWITCHED_OFF) + (undoing ? " again" : "")
                + (restart.isEmpty() ? "" : "; " + restart + " finished only after a restart");
        return undoing ? new Change(setting, switched, "", true, note) : new Change(setting, "", switched, true, note);
    }

    private static List<String> names(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(n -> !n.isEmpty()).distinct().toList();
    }
}
