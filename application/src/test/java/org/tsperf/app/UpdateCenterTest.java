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
 * A feature module removed at runtime and installed again from the project's own update center (nbm-repo/),
 * without a restart, as a user does in Tools > Plugins.
 *
 * <p>Runs on a copy of the assembled application: installing and removing modules writes into the installation.
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
                .addTest("testFeatureModuleIsRemovedAndInstalledAgainAtRuntime")
                .suite();
    }

    private static boolean enabled(String codeName) {
        return Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .anyMatch(m -> m.getCodeNameBase().equals(codeName) && m.isEnabled());
    }

    public void testFeatureModuleIsRemovedAndInstalledAgainAtRuntime() throws Exception {
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
        assertTrue(provider.refresh(null, true));
        assertTrue("the tasks module is installed", enabled(TASKS));

        org.netbeans.api.autoupdate.UpdateUnit unit = unit(provider);
        assertNotNull("the catalog offers the tasks module", unit);
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.OperationSupport> remove =
                org.netbeans.api.autoupdate.OperationContainer.createForDirectUninstall();
        remove.add(unit.getInstalled());
        remove.getSupport().doOperation(null);
        assertFalse("removed without a restart", enabled(TASKS));

        provider.refresh(null, true);
        unit = unit(provider);
        assertNull("no longer installed", unit.getInstalled());
        assertFalse("and available from the update center", unit.getAvailableUpdates().isEmpty());
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.InstallSupport> install =
                org.netbeans.api.autoupdate.OperationContainer.createForInstall();
        install.add(unit.getAvailableUpdates().get(0));
        org.netbeans.api.autoupdate.InstallSupport support = install.getSupport();
        org.netbeans.api.autoupdate.InstallSupport.Validator downloaded = support.doDownload(null, false, false);
        org.netbeans.api.autoupdate.InstallSupport.Installer validated = support.doValidate(downloaded, null);
        org.netbeans.api.autoupdate.OperationSupport.Restarter restart = support.doInstall(validated, null);
        assertNull("installed without a restart", restart);
        assertTrue("the tasks module is back", enabled(TASKS));
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
