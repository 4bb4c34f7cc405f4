package org.tsperf.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junit.framework.Test;
import org.netbeans.junit.NbModuleSuite;
import org.netbeans.junit.NbTestCase;
import org.openide.modules.ModuleInfo;
import org.openide.util.Lookup;

/**
 * A feature module uninstalled at runtime through the autoupdate API, as Tools &gt; Plugins &gt; Uninstall does, and
 * installed again from nbm-repo's catalog, without a restart either way: its services leave Lookup, its files leave
 * the cluster, its runtime is released; after the installation the service is back and works.
 *
 * <p>Runs on its own copy of the assembled application: uninstalling deletes files of its cluster. Autoupdate types
 * stay inside method bodies (they are not on the class path while the suite is discovered).
 */
public class ModuleUninstallTest extends NbTestCase {

    private static final String CATALOG = "Timeline Studio Performance Modules";
    private static final long DEADLINE_MILLIS = 30_000;

    public ModuleUninstallTest(String name) {
        super(name);
    }

    public static Test suite() throws IOException {
        Path built = Path.of(System.getProperty("all.clusters"));
        Path copy = built.resolveSibling(built.getFileName() + "-module-uninstall-test");
        UpdateCenterTest.replaceWithCopy(built, copy);
        System.setProperty("all.clusters", copy.toString());
        return NbModuleSuite.createConfiguration(ModuleUninstallTest.class)
                .clusters(".*")
                .enableModules(".*")
                .enableClasspathModules(false)
                .honorAutoloadEager(true)
                .gui(false)
                .addTest("testProxyModuleIsUninstalledAndInstalledAgainAtRuntime",
                        "testGpuModuleReleasesItsRuntimeWhenUninstalledAndComesBack")
                .suite();
    }

    public void testProxyModuleIsUninstalledAndInstalledAgainAtRuntime() throws Exception {
        String proxy = "org.tsperf.proxy";
        Object service = service("org.tsperf.api.proxy.ProxyService");
        service.getClass().getMethod("counts").invoke(service); // opens the store's index: something to release
        List<Path> files = trackedFiles(proxy);

        uninstall(proxy);
        await(() -> find("org.tsperf.api.proxy.ProxyService") == null, "ProxyService to leave Lookup");
        assertFalse("the module is gone from the module system", known(proxy));
        for (Path f : files) {
            assertFalse("uninstalling removed " + f, Files.exists(f));
        }

        install(proxy);
        await(() -> find("org.tsperf.api.proxy.ProxyService") != null, "ProxyService to be back");
        Object again = service("org.tsperf.api.proxy.ProxyService");
        assertNotSame("a new service from the installed module", service, again);
        assertNotNull("the installed module's service works", again.getClass().getMethod("counts").invoke(again));
        for (Path f : files) {
            assertTrue("installing put back " + f, Files.exists(f));
        }
    }

    /** The GPU runtime (Vulkan device, the CPU reference's threads) is closed when the module is uninstalled. */
    public void testGpuModuleReleasesItsRuntimeWhenUninstalledAndComesBack() throws Exception {
        String gpu = "org.tsperf.gpu";
        Object runtimes = service("org.tsperf.gpu.GpuRuntimes");
        runtimes.getClass().getMethod("runtime").invoke(runtimes);
        assertEquals(Boolean.TRUE, runtimes.getClass().getMethod("isOpen").invoke(runtimes));
        List<Path> files = trackedFiles(gpu);

        uninstall(gpu);
        assertEquals("the module's runtime was closed", Boolean.FALSE,
                runtimes.getClass().getMethod("isOpen").invoke(runtimes));
        await(() -> find("org.tsperf.api.gpu.VideoProcessor") == null, "VideoProcessor to leave Lookup");
        for (Path f : files) {
            assertFalse("uninstalling removed " + f, Files.exists(f));
        }

        install(gpu);
        await(() -> find("org.tsperf.api.gpu.VideoProcessor") != null, "VideoProcessor to be back");
        Object back = service("org.tsperf.gpu.GpuRuntimes");
        assertNotSame("a new registry from the installed module", runtimes, back);
        back.getClass().getMethod("runtime").invoke(back);
        assertEquals("the installed module opens a runtime again", Boolean.TRUE,
                back.getClass().getMethod("isOpen").invoke(back));
        for (Path f : files) {
            assertTrue("installing put back " + f, Files.exists(f));
        }
    }

    /** Tools > Plugins > Installed > Uninstall, with the direct operation: the files go now, no restart. */
    private static void uninstall(String codeName) throws Exception {
        org.netbeans.api.autoupdate.UpdateUnit unit = unit(codeName);
        assertNotNull(codeName + " is installed", unit.getInstalled());
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.OperationSupport> c =
                org.netbeans.api.autoupdate.OperationContainer.createForDirectUninstall();
        assertTrue(codeName + " can be uninstalled", c.canBeAdded(unit, unit.getInstalled()));
        org.netbeans.api.autoupdate.OperationContainer.OperationInfo<org.netbeans.api.autoupdate.OperationSupport>
                info = c.add(unit.getInstalled());
        assertEquals("no other module needs " + codeName, java.util.Set.of(), info.getRequiredElements());
        assertTrue("nothing blocks uninstalling " + codeName + ": " + c.listInvalid(), c.listInvalid().isEmpty());
        // as ./tsperf modules uninstall does (UninstallFiles): the platform deletes the clusters' status files only,
        // and the module stays defined by the user directory's (NbModuleSuite writes one for every module)
        Files.deleteIfExists(Path.of(System.getProperty("netbeans.user"), "config", "Modules",
                codeName.replace('.', '-') + ".xml"));
        assertNull("uninstalled without a restart", c.getSupport().doOperation(null));
        await(() -> !known(codeName), codeName + " to leave the module system");
    }

    /** Tools > Plugins > Available Plugins > Install, from nbm-repo's catalog: download, validate, install. */
    private static void install(String codeName) throws Exception {
        refreshCatalog();
        org.netbeans.api.autoupdate.UpdateUnit unit = unit(codeName);
        assertNull(codeName + " is no longer installed", unit.getInstalled());
        assertFalse("the catalog offers " + codeName, unit.getAvailableUpdates().isEmpty());
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.InstallSupport> c =
                org.netbeans.api.autoupdate.OperationContainer.createForInstall();
        org.netbeans.api.autoupdate.OperationContainer.OperationInfo<org.netbeans.api.autoupdate.InstallSupport>
                info = c.add(unit.getAvailableUpdates().get(0));
        assertTrue("nothing it needs is missing: " + info.getBrokenDependencies(),
                info.getBrokenDependencies().isEmpty());
        c.add(info.getRequiredElements());
        org.netbeans.api.autoupdate.InstallSupport support = c.getSupport();
        org.netbeans.api.autoupdate.InstallSupport.Validator downloaded = support.doDownload(null, null, false);
        org.netbeans.api.autoupdate.InstallSupport.Installer validated = support.doValidate(downloaded, null);
        assertNull("installed without a restart", support.doInstall(validated, null));
        await(() -> enabled(codeName), codeName + " to be installed and on");
    }

    private static void refreshCatalog() throws IOException {
        for (org.netbeans.api.autoupdate.UpdateUnitProvider p
                : org.netbeans.api.autoupdate.UpdateUnitProviderFactory.getDefault().getUpdateUnitProviders(false)) {
            if (CATALOG.equals(p.getDisplayName())) {
                p.refresh(null, true);
                return;
            }
        }
        throw new AssertionError("Tools > Plugins lists the project's update center " + CATALOG);
    }

    private static org.netbeans.api.autoupdate.UpdateUnit unit(String codeName) {
        for (org.netbeans.api.autoupdate.UpdateUnit u
                : org.netbeans.api.autoupdate.UpdateManager.getDefault().getUpdateUnits()) {
            if (u.getCodeName().equals(codeName)) {
                return u;
            }
        }
        throw new AssertionError(codeName + " is neither installed nor in the catalog");
    }

    /** The files the module's update_tracking record lists, in the cluster of the application under test. */
    private static List<Path> trackedFiles(String codeName) throws IOException {
        Path cluster = Path.of(System.getProperty("all.clusters")).resolve("tsperf");
        Path tracking = cluster.resolve("update_tracking").resolve(codeName.replace('.', '-') + ".xml");
        assertTrue("the module is tracked in the application's cluster: " + tracking, Files.exists(tracking));
        List<Path> files = new ArrayList<>();
        Matcher m = Pattern.compile("<file [^>]*name=\"([^\"]+)\"").matcher(Files.readString(tracking));
        while (m.find()) {
            files.add(cluster.resolve(m.group(1)));
        }
        assertTrue("its jar is among " + files, files.contains(
                cluster.resolve("modules").resolve(codeName.replace('.', '-') + ".jar")));
        for (Path f : files) {
            assertTrue(f + " exists before", Files.exists(f));
        }
        return files;
    }

    private static boolean known(String codeName) {
        return Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .anyMatch(m -> m.getCodeNameBase().equals(codeName));
    }

    private static boolean enabled(String codeName) {
        return Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .anyMatch(m -> m.getCodeNameBase().equals(codeName) && m.isEnabled());
    }

    /** A service by its type's name (null when no module provides it), loaded through the modules' class loader. */
    private static Object find(String type) {
        ClassLoader modules = Lookup.getDefault().lookup(ClassLoader.class);
        try {
            return Lookup.getDefault().lookup(Class.forName(type, true, modules));
        } catch (ClassNotFoundException ex) {
            return null; // the module that has the type is gone: so is the service
        }
    }

    private static Object service(String type) {
        Object s = find(type);
        assertNotNull(type + " is found", s);
        return s;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (!condition.getAsBoolean()) {
            assertTrue("timed out after " + DEADLINE_MILLIS + " ms waiting for " + what,
                    System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
    }
}
