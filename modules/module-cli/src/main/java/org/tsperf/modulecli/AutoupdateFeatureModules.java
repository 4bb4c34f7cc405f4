package org.tsperf.modulecli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.NbBundle.Messages;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.optimize.FeatureModules;

/**
 * {@link FeatureModules} through the same autoupdate operations as {@code ./tsperf modules}: enable
 * ({@code createForEnable}), install from the update center ({@code createForInstall}) and disable
 * ({@code createForDirectDisable}); each shows a progress bar in the status bar while it runs.
 */
@ServiceProvider(service = FeatureModules.class)
@Messages({
    "# {0} - module code names",
    "MSG_Enabling=Switching on {0}",
    "# {0} - module code names",
    "MSG_Disabling=Switching off {0}"
})
public final class AutoupdateFeatureModules implements FeatureModules {

    private static final Logger LOG = Logger.getLogger(AutoupdateFeatureModules.class.getName());

    @Override
    public Map<String, Boolean> installed() {
        Map<String, Boolean> out = new TreeMap<>();
        for (ModuleState s : new ModuleManagement().list(false)) {
            if (!ModuleState.NOT_INSTALLED.equals(s.state())) {
                out.put(s.name(), ModuleState.ENABLED.equals(s.state()));
            }
        }
        return out;
    }

    @Override
    public synchronized Result enable(Set<String> codeNames) {
        ProgressHandle progress = ProgressHandle.createHandle(Bundle.MSG_Enabling(String.join(", ", codeNames)));
        progress.start();
        try {
            ModuleManagement m = new ModuleManagement();
            Map<String, Boolean> present = installed();
            List<String> toEnable = new ArrayList<>();
            List<String> toInstall = new ArrayList<>();
            for (String n : codeNames) {
                (present.containsKey(n) ? toEnable : toInstall).add(n);
            }
            Set<String> changed = new LinkedHashSet<>(m.enable(toEnable));
            if (!toInstall.isEmpty()) {
                m.refresh();
                List<String> resolved = new ArrayList<>();
                for (String n : toInstall) {
                    resolved.add(m.resolve(n));
                }
                changed.addAll(m.install(resolved));
            }
            return result(changed, m);
        } catch (ModuleCommandException ex) {
            throw refused(ex);
        } finally {
            progress.finish();
        }
    }

    @Override
    public synchronized Result disable(Set<String> codeNames) {
        ProgressHandle progress = ProgressHandle.createHandle(Bundle.MSG_Disabling(String.join(", ", codeNames)));
        progress.start();
        try {
            ModuleManagement m = new ModuleManagement();
            Map<String, Boolean> present = installed();
            List<String> names = codeNames.stream().filter(present::containsKey).toList();
            return result(m.disable(names), m);
        } catch (ModuleCommandException ex) {
            throw refused(ex);
        } finally {
            progress.finish();
        }
    }

    private static Result result(Set<String> changed, ModuleManagement m) {
        Result r = new Result(changed, m.needingRestart());
        LOG.log(Level.INFO, "feature modules changed: {0}; finished at the next start: {1}",
                new Object[] {r.changed(), r.needsRestart()});
        return r;
    }

    private static IllegalStateException refused(ModuleCommandException ex) {
        LOG.log(Level.INFO, "a feature module operation was refused", ex);
        return new IllegalStateException(ex.getMessage(), ex);
    }
}
