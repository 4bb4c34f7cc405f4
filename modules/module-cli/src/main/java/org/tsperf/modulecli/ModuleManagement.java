package org.tsperf.modulecli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.autoupdate.InstallSupport;
import org.netbeans.api.autoupdate.OperationContainer;
import org.netbeans.api.autoupdate.OperationException;
import org.netbeans.api.autoupdate.OperationSupport;
import org.netbeans.api.autoupdate.UpdateElement;
import org.netbeans.api.autoupdate.UpdateManager;
import org.netbeans.api.autoupdate.UpdateUnit;
import org.netbeans.api.autoupdate.UpdateUnitProvider;
import org.netbeans.api.autoupdate.UpdateUnitProviderFactory;

/**
 * The module operations of {@code ./tsperf modules}, through the platform's autoupdate API, as Tools &gt; Plugins
 * does them: enable ({@code createForEnable}), disable ({@code createForDirectDisable}, no restart), uninstall
 * ({@code createForDirectUninstall}: the files go at once; {@code createForUninstall} would only mark them for the
 * next start), install ({@code createForInstall}: download from the update center, validate, install).
 */
final class ModuleManagement {

    static final String PREFIX = "org.tsperf.";
    /** This module: removing it while it runs the command would leave nobody to finish. */
    static final String SELF = "org.tsperf.modulecli";

    private static final Logger LOG = Logger.getLogger(ModuleManagement.class.getName());

    private final Set<String> restart = new TreeSet<>();

    /** The modules whose change the platform finishes only at the next start, among those this instance changed. */
    Set<String> needingRestart() {
        return Set.copyOf(restart);
    }

    /** Reads every enabled update center again (the project's is nbm-repo/netbeans_site/updates.xml). */
    void refresh() throws ModuleCommandException {
        for (UpdateUnitProvider p : UpdateUnitProviderFactory.getDefault().getUpdateUnitProviders(true)) {
            try {
                p.refresh(null, true);
            } catch (IOException ex) {
                throw new ModuleCommandException("the update center '" + p.getDisplayName() + "' ("
                        + p.getProviderURL() + ") could not be read: " + ex.getMessage()
                        + "; build it (mvn package -pl nbm-repo -am) or start through ./tsperf, which points to it", ex);
            }
        }
    }

    /** The project's modules (every module with {@code all}), installed or offered, sorted by name. */
    List<ModuleState> list(boolean all) {
        List<ModuleState> states = new ArrayList<>();
        for (UpdateUnit u : units().values()) {
            if (all || u.getCodeName().startsWith(PREFIX)) {
                states.add(state(u));
            }
        }
        return states;
    }

    /** How long a command waits for the platform's view of the modules it changed (see statesAfter). */
    private static final long SETTLE_MILLIS = 30_000;

    /**
     * The state of the named modules once the platform's view shows what the command did to those of them it
     * changed ({@code expected}: enabled, disabled or not installed), or as it is after {@link #SETTLE_MILLIS}. The
     * autoupdate API learns of a module the module system installed, enabled or removed through its listeners, a
     * moment later: on a loaded machine a command printed "not installed" for a module it had just installed.
     */
    List<ModuleState> statesAfter(Collection<String> codeNames, Set<String> changed, String expected)
            throws ModuleCommandException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (true) {
            List<ModuleState> states = states(codeNames);
            List<ModuleState> unsettled = states.stream().filter(m -> changed.contains(m.name()) && !m.restart()
                    && !expected.equals(m.state())).toList();
            if (unsettled.isEmpty()) {
                return states;
            }
            if (System.nanoTime() > deadline) {
                LOG.log(Level.WARNING, "after {0} s the platform still shows {1}, not {2}",
                        new Object[] {SETTLE_MILLIS / 1000, unsettled, expected});
                return states;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ModuleCommandException("interrupted while the modules' state settled", ex);
            }
        }
    }

    /** The state of the named modules now. */
    List<ModuleState> states(Collection<String> codeNames) {
        Map<String, UpdateUnit> units = units();
        List<ModuleState> states = new ArrayList<>();
        for (String n : codeNames) {
            UpdateUnit u = units.get(n);
            states.add(u == null ? new ModuleState(n, "-", ModuleState.NOT_INSTALLED, restart.contains(n)) : state(u));
        }
        return states;
    }

    /** A NAME as the user wrote it: a code name base, or the part after {@code org.tsperf.}. */
    String resolve(String name) throws ModuleCommandException {
        Map<String, UpdateUnit> units = units();
        if (units.containsKey(name)) {
            return name;
        }
        if (units.containsKey(PREFIX + name)) {
            return PREFIX + name;
        }
        throw new ModuleCommandException(name + " is neither an installed module nor in the update center"
                + " (./tsperf modules list --all lists every module by name)");
    }

    /** Enables the installed modules, with the modules they need; the names of all that changed. */
    Set<String> enable(List<String> names) throws ModuleCommandException {
        OperationContainer<OperationSupport> c = OperationContainer.createForEnable();
        for (String n : names) {
            UpdateElement installed = installed(n, "enabled");
            if (!installed.isEnabled()) {
                add(c, installed, "enabled");
            }
        }
        return run(c, "enabling");
    }

    /** Disables the modules without a restart; refuses when another enabled module needs one of them. */
    Set<String> disable(List<String> names) throws ModuleCommandException {
        refuseSelf(names, "disable");
        OperationContainer<OperationSupport> c = OperationContainer.createForDirectDisable();
        for (String n : names) {
            UpdateElement installed = installed(n, "disabled");
            if (installed.isEnabled()) {
                refuseDependents(n, add(c, installed, "disabled"), names, "disable");
            }
        }
        return run(c, "disabling");
    }

    /** Removes the modules' files from their cluster at once; refuses when another installed module needs one. */
    Set<String> uninstall(List<String> names) throws ModuleCommandException {
        refuseSelf(names, "uninstall");
        OperationContainer<OperationSupport> c = OperationContainer.createForDirectUninstall();
        for (String n : names) {
            UpdateElement installed = installed(n, "uninstalled");
            refuseDependents(n, add(c, installed, "uninstalled"), names, "uninstall");
        }
        Set<String> going = names(c);
        Map<String, File> clusters = UninstallFiles.clusters(going);
        Map<Path, byte[]> statuses = UninstallFiles.setAsideStatuses(going);
        Set<String> removed;
        try {
            removed = run(c, "uninstalling");
        } catch (ModuleCommandException ex) {
            UninstallFiles.restore(statuses);
            throw ex;
        }
        UninstallFiles.touch(clusters.values());
        return removed;
    }

    /** Downloads the modules (and what they need) from the update center, validates and installs them. */
    Set<String> install(List<String> names) throws ModuleCommandException {
        OperationContainer<InstallSupport> c = OperationContainer.createForInstall();
        Map<String, UpdateUnit> units = units();
        for (String n : names) {
            UpdateUnit u = units.get(n);
            if (u.getInstalled() != null) {
                continue; // already there: reported with its state
            }
            if (u.getAvailableUpdates().isEmpty()) {
                throw new ModuleCommandException(n + " is not in the update center: nothing to install it from");
            }
            add(c, u.getAvailableUpdates().get(0), "installed");
        }
        InstallSupport support = c.getSupport();
        Set<String> changed = names(c);
        if (support == null || changed.isEmpty()) {
            return changed;
        }
        try {
            InstallSupport.Validator downloaded = support.doDownload(null, null, false);
            InstallSupport.Installer validated = support.doValidate(downloaded, null);
            for (OperationContainer.OperationInfo<InstallSupport> i : c.listAll()) {
                refuseModified(support, validated, i.getUpdateElement());
            }
            OperationSupport.Restarter r = support.doInstall(validated, null);
            if (r != null) {
                support.doRestartLater(r); // finished by the next start
                restart.addAll(changed);
            }
        } catch (OperationException | ModuleCommandException ex) {
            cancel(support);
            if (ex instanceof ModuleCommandException mce) {
                throw mce;
            }
            if (((OperationException) ex).getErrorType() == OperationException.ERROR_TYPE.MODIFIED) {
                // a signed entry that no longer matches its signature: the API refuses it itself
                throw new ModuleCommandException(String.join(", ", changed) + " was not installed: its NBM was"
                        + " changed after it was signed (" + ex.getLocalizedMessage() + "); rebuild the update"
                        + " center (mvn package -pl nbm-repo -am) or ask its publisher", ex);
            }
            throw new ModuleCommandException("installing " + String.join(", ", changed) + " failed: "
                    + ex.getLocalizedMessage(), ex);
        }
        return changed;
    }

    /**
     * An NBM whose content no longer matches its signature or the catalog's SHA-512 digest was changed by someone
     * else: not installed, with what changed (the autoupdate API only marks it; an NBM whose module description no
     * longer matches its signature it refuses itself, see install). Trusted: signed with a key the platform trusts
     * (the project's, through the branding module's KeyStoreProvider), or listed with its checksum by a trusted
     * update center.
     */
    private static void refuseModified(InstallSupport support, InstallSupport.Installer validated, UpdateElement e)
            throws ModuleCommandException {
        if (support.isContentModified(validated, e)) {
            String what = DownloadedNbm.signatureBroken(e.getCodeName())
                    .map(why -> "was changed after it was signed (" + why + ")")
                    .orElse("was changed after the update center listed it (its SHA-512 checksum does not match)");
            throw new ModuleCommandException(e.getCodeName() + " was not installed: its NBM from '" + e.getSource()
                    + "' " + what + "; rebuild the update center (mvn package -pl nbm-repo -am) or ask its publisher");
        }
        LOG.log(Level.INFO, "{0}: trusted {1}, signature valid {2}, signed by an unknown key {3}",
                new Object[] {e.getCodeName(), support.isTrusted(validated, e), support.isSignedVerified(validated, e),
                    support.isSignedUnverified(validated, e)});
    }

    private static void cancel(InstallSupport support) {
        try {
            support.doCancel();
        } catch (OperationException ex) {
            LOG.log(Level.WARNING, "cancelling the failed installation left files behind", ex);
        }
    }

    private Set<String> run(OperationContainer<OperationSupport> c, String doing) throws ModuleCommandException {
        Set<String> changed = names(c);
        OperationSupport support = c.getSupport();
        if (support == null || changed.isEmpty()) {
            return changed;
        }
        try {
            OperationSupport.Restarter r = support.doOperation(null);
            if (r != null) {
                support.doRestartLater(r); // finished by the next start
                restart.addAll(changed);
            }
        } catch (OperationException ex) {
            throw new ModuleCommandException(doing + " " + String.join(", ", changed) + " failed: "
                    + ex.getLocalizedMessage(), ex);
        }
        return changed;
    }

    private static <S> Set<UpdateElement> add(OperationContainer<S> c, UpdateElement e, String done)
            throws ModuleCommandException {
        String n = e.getCodeName();
        if (!c.canBeAdded(e.getUpdateUnit(), e)) {
            throw new ModuleCommandException(n + " cannot be " + done + ": the platform does not allow it (an"
                    + " essential module, or its cluster is read-only or has no update_tracking record)");
        }
        OperationContainer.OperationInfo<S> info = c.add(e);
        if (info == null) {
            return Set.of(); // already in (a module another one needs)
        }
        if (!info.getBrokenDependencies().isEmpty()) {
            c.remove(info);
            throw new ModuleCommandException(n + " cannot be " + done + ": it needs what neither the application"
                    + " nor the update center has: " + info.getBrokenDependencies());
        }
        Set<UpdateElement> required = info.getRequiredElements();
        c.add(required);
        for (OperationContainer.OperationInfo<S> invalid : c.listInvalid()) {
            throw new ModuleCommandException(invalid.getUpdateElement().getCodeName() + " cannot be " + done
                    + " together with " + n);
        }
        return required;
    }

    /** Disabling or removing a module that others need would take those too: the user names them all. */
    private static void refuseDependents(String n, Set<UpdateElement> required, List<String> named, String verb)
            throws ModuleCommandException {
        Set<String> others = new TreeSet<>();
        for (UpdateElement e : required) {
            if (!named.contains(e.getCodeName()) && e.getUpdateUnit().getInstalled() != null) {
                others.add(e.getCodeName());
            }
        }
        if (!others.isEmpty()) {
            // the platform's list: modules that need it, and libraries and eager bridges nothing else would use
            String done = verb + (verb.endsWith("e") ? "d" : "ed");
            throw new ModuleCommandException(n + " cannot be " + done + " alone: " + String.join(", ", others)
                    + " need it or would be left unused; to " + verb + " them together: ./tsperf modules " + verb
                    + " " + n + " " + String.join(" ", others));
        }
    }

    private static void refuseSelf(List<String> names, String verb) throws ModuleCommandException {
        if (names.contains(SELF)) {
            throw new ModuleCommandException(SELF + " runs this command and cannot " + verb + " itself;"
                    + " use Tools > Plugins in the workbench");
        }
    }

    private UpdateElement installed(String n, String done) throws ModuleCommandException {
        UpdateElement installed = units().get(n).getInstalled();
        if (installed == null) {
            throw new ModuleCommandException(n + " cannot be " + done + ": it is not installed"
                    + ("uninstalled".equals(done) ? "" : " (./tsperf modules install " + n + ")"));
        }
        return installed;
    }

    private static <S> Set<String> names(OperationContainer<S> c) {
        Set<String> names = new LinkedHashSet<>();
        for (OperationContainer.OperationInfo<S> i : c.listAll()) {
            names.add(i.getUpdateElement().getCodeName());
        }
        return names;
    }

    private ModuleState state(UpdateUnit u) {
        UpdateElement installed = u.getInstalled();
        boolean pending = restart.contains(u.getCodeName()) || u.isPending();
        if (installed == null) {
            List<UpdateElement> offered = u.getAvailableUpdates();
            return new ModuleState(u.getCodeName(), offered.isEmpty() ? "-" : offered.get(0).getSpecificationVersion(),
                    ModuleState.NOT_INSTALLED, pending);
        }
        return new ModuleState(u.getCodeName(), installed.getSpecificationVersion(),
                installed.isEnabled() ? ModuleState.ENABLED : ModuleState.DISABLED, pending);
    }

    private static Map<String, UpdateUnit> units() {
        Map<String, UpdateUnit> byName = new LinkedHashMap<>();
        UpdateManager.getDefault().getUpdateUnits(UpdateManager.TYPE.MODULE).stream()
                .sorted((a, b) -> a.getCodeName().compareTo(b.getCodeName()))
                .forEach(u -> byName.put(u.getCodeName(), u));
        return byName;
    }
}
