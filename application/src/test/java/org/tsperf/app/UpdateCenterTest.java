package org.tsperf.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import junit.framework.Test;
import org.netbeans.junit.NbModuleSuite;
import org.netbeans.junit.NbTestCase;
import org.openide.modules.ModuleInfo;
import org.openide.util.Lookup;

/**
 * The project's update center (nbm-repo/) as Tools > Plugins sees it: it offers every module of the build, and a
 * feature module is switched off and on again at runtime, without a restart, its services leaving and returning.
 *
 * <p>Runs on a copy of the assembled application: module operations write into the installation.
 * Autoupdate types stay inside method bodies (they are not on the class path while the suite is discovered).
 */
public class UpdateCenterTest extends NbTestCase {

    private static final String CATALOG = "Timeline Studio Performance Modules";
    private static final String TASKS = "org.tsperf.tasks";

    public UpdateCenterTest(String name) {
        super(name);
    }

    public static Test suite() throws IOException {
        Path built = Path.of(System.getProperty("all.clusters"));
        Path copy = built.resolveSibling(built.getFileName() + "-update-center-test");
        deleteTree(copy);
        copyTree(built, copy);
        System.setProperty("all.clusters", copy.toString());
        return NbModuleSuite.createConfiguration(UpdateCenterTest.class)
                .clusters(".*")
                .enableModules(".*")
                .enableClasspathModules(false)
                .honorAutoloadEager(true)
                .gui(false)
                .addTest("testFeatureModuleIsSwitchedOffAndOnAtRuntime")
                .suite();
    }

    private static boolean enabled(String codeName) {
        return Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .anyMatch(m -> m.getCodeNameBase().equals(codeName) && m.isEnabled());
    }

    /** Whether the task service is found through Lookup, as the other modules find it. */
    private static boolean taskServiceFound() {
        try {
            ClassLoader modules = Lookup.getDefault().lookup(ClassLoader.class);
            return Lookup.getDefault().lookup(Class.forName("org.tsperf.api.tasks.TaskService", true, modules)) != null;
        } catch (ClassNotFoundException ex) {
            throw new AssertionError("the API module is missing", ex);
        }
    }

    public void testFeatureModuleIsSwitchedOffAndOnAtRuntime() throws Exception {
        org.netbeans.api.autoupdate.UpdateUnitProvider provider = null;
        for (org.netbeans.api.autoupdate.UpdateUnitProvider p
                : org.netbeans.api.autoupdate.UpdateUnitProviderFactory.getDefault().getUpdateUnitProviders(false)) {
            if (CATALOG.equals(p.getDisplayName())) {
                provider = p;
            }
        }
        assertNotNull("Tools > Plugins lists the project's update center", provider);
        assertTrue("it reads nbm-repo: " + provider.getProviderURL(),
                provider.getProviderURL().toString().endsWith("nbm-repo/netbeans_site/updates.xml"));
        provider.refresh(null, true);
        assertTrue("the tasks module is installed", enabled(TASKS));
        assertTrue("its service is found", taskServiceFound());

        org.netbeans.api.autoupdate.UpdateUnit unit = unit(provider);
        assertNotNull("the catalog offers the tasks module", unit);
        java.util.Set<String> offered = new java.util.TreeSet<>();
        for (org.netbeans.api.autoupdate.UpdateUnit u : provider.getUpdateUnits()) {
            offered.add(u.getCodeName());
        }
        assertTrue("the update center offers every feature module: " + offered, offered.containsAll(java.util.List.of(
                "org.tsperf.api", "org.tsperf.monitor", "org.tsperf.tasks", "org.tsperf.cli", "org.tsperf.libs.mapdb")));
        // Tools > Plugins > Installed > Deactivate: its services leave the running application
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.OperationSupport> disable =
                org.netbeans.api.autoupdate.OperationContainer.createForDirectDisable();
        disable.add(unit.getInstalled());
        assertTrue("nothing blocks disabling it: " + disable.listInvalid(), disable.listInvalid().isEmpty());
        assertNull("disabled without a restart", disable.getSupport().doOperation(null));
        awaitEnabled(false, "the tasks module to be gone");
        // and back again, still without a restart
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.OperationSupport> enable =
                org.netbeans.api.autoupdate.OperationContainer.createForEnable();
        enable.add(unit(provider).getInstalled());
        assertTrue("nothing blocks enabling it: " + enable.listInvalid(), enable.listInvalid().isEmpty());
        assertNull("enabled without a restart", enable.getSupport().doOperation(null));
        awaitEnabled(true, "the tasks module to be back");
    }

    private static void awaitEnabled(boolean wanted, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (taskServiceFound() != wanted) {
            assertTrue("timed out waiting for " + what + " (module enabled: " + enabled(TASKS) + ")",
                    System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
    }

    private static org.netbeans.api.autoupdate.UpdateUnit unit(org.netbeans.api.autoupdate.UpdateUnitProvider p) {
        for (org.netbeans.api.autoupdate.UpdateUnit u
                : org.netbeans.api.autoupdate.UpdateManager.getDefault().getUpdateUnits()) {
            if (u.getCodeName().equals(TASKS)) {
                return u;
            }
        }
        return null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
