package org.tsperf.app;

import static org.tsperf.app.Await.await;
import static org.tsperf.app.PluginOperations.install;
import static org.tsperf.app.PluginOperations.uninstall;

import java.io.IOException;
import java.lang.ref.Reference;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junit.framework.Test;
import org.netbeans.junit.NbModuleSuite;
import org.netbeans.junit.NbTestCase;
import org.openide.util.Lookup;

/**
 * A feature module uninstalled at runtime in the real workbench through the autoupdate API, as Tools &gt; Plugins &gt;
 * Uninstall does, and installed again from nbm-repo's catalog, without a restart either way: its window closes, its
 * Tools &gt; Options &gt; Performance tab goes, its services leave Lookup, its files leave the cluster, its runtime
 * (the GPU module's Vulkan device) is released; after the installation they are back and work. And the trust in
 * the NBMs: one signed with the project key is trusted by its signature alone; one changed after signing is refused.
 *
 * <p>Runs on its own copy of the assembled application: uninstalling deletes files of its cluster. Autoupdate types
 * stay inside method bodies (they are not on the class path while the suite is discovered).
 */
public class ModuleUninstallTest extends NbTestCase {

    private static final String PROXY_WINDOW = "org.tsperf.proxy.ui.ProxyManagerTopComponent";
    private static final String GPU_WINDOW = "org.tsperf.gpu.ui.GpuSchedulerTopComponent";
    private static final String MONITOR_WINDOW = "org.tsperf.monitor.ui.PerformanceMonitorTopComponent";

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
                .gui(true)
                .addTest("testProxyModuleIsUninstalledAndInstalledAgainAtRuntime",
                        "testGpuModuleReleasesItsRuntimeWhenUninstalledAndComesBack",
                        "testNbmSignedWithTheProjectKeyIsTrustedAndAChangedOneRefused")
                .suite();
    }

    /**
     * This test's helper classes loaded now, before a module goes: a class of the test first loaded after an
     * uninstall is not found any more (NoClassDefFoundError for PluginOperations$Validation, seen).
     */
    @Override
    protected void setUp() throws Exception {
        for (Class<?> c : List.of(PluginOperations.class, PluginOperations.Validation.class, NbmTampering.class,
                WorkbenchWindows.class, Await.class, UpdateCenterTest.class, LoggedProblems.class)) {
            Class.forName(c.getName(), true, c.getClassLoader());
        }
    }

    public void testProxyModuleIsUninstalledAndInstalledAgainAtRuntime() throws Exception {
        String proxy = "org.tsperf.proxy";
        Object service = service("org.tsperf.api.proxy.ProxyService");
        service.getClass().getMethod("counts").invoke(service); // opens the store's index: something to release
        List<Path> files = trackedFiles(proxy);
        WorkbenchWindows.open(action(PROXY_WINDOW), PROXY_WINDOW);
        assertTrue("Tools > Options > Performance has the Proxies tab",
                WorkbenchWindows.performanceTabs().contains("Proxies"));

        Reference<Object> oldWindow = WorkbenchWindows.knownWeakly("ProxyManagerTopComponent");
        LoggedProblems problems = LoggedProblems.capture();
        uninstall(proxy);
        await(() -> find("org.tsperf.api.proxy.ProxyService") == null, "ProxyService to leave Lookup");
        assertFalse("the module is gone from the module system", PluginOperations.known(proxy));
        await(() -> !WorkbenchWindows.opened(PROXY_WINDOW), "the Proxy Manager window to close");
        assertFalse("Window > Proxy Manager is gone", WorkbenchWindows.windowAction(action(PROXY_WINDOW)));
        WorkbenchWindows.performanceTabs(t -> !t.contains("Proxies"), "no Proxies tab");
        for (Path f : files) {
            assertFalse("uninstalling removed " + f, Files.exists(f));
        }
        // its closed window goes with it (held by Swing's ToolTipManager before: a class-loader leak per uninstall)
        awaitCollected(oldWindow, "the uninstalled module's Proxy Manager window");

        install(proxy);
        await(() -> find("org.tsperf.api.proxy.ProxyService") != null, "ProxyService to be back");
        Object again = service("org.tsperf.api.proxy.ProxyService");
        assertNotSame("a new service from the installed module", service, again);
        assertNotNull("the installed module's service works", again.getClass().getMethod("counts").invoke(again));
        for (Path f : files) {
            assertTrue("installing put back " + f, Files.exists(f));
        }
        await(() -> WorkbenchWindows.windowAction(action(PROXY_WINDOW)), "Window > Proxy Manager to be back");
        // the window system may hand out the old module's closed window by its ID until it is collected: the action
        // opens the installed module's own (ModuleWindows.open)
        try {
            WorkbenchWindows.openAfterInstall(action(PROXY_WINDOW), PROXY_WINDOW);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the window system knows "
                    + WorkbenchWindows.known("ProxyManagerTopComponent") + "; the new module's loader: "
                    + again.getClass().getClassLoader(), e);
        }
        assertTrue("the open Proxy Manager is the installed module's",
                WorkbenchWindows.openedFrom(PROXY_WINDOW, again.getClass().getClassLoader()));
        WorkbenchWindows.performanceTabs(t -> t.contains("Proxies"), "the Proxies tab again");
        problems.close();
        problems.assertNone("while the proxy module went and came back (an Options dialog built before)");
    }

    /** The GPU runtime (Vulkan device, the CPU reference's threads) is closed when the module is uninstalled. */
    public void testGpuModuleReleasesItsRuntimeWhenUninstalledAndComesBack() throws Exception {
        String gpu = "org.tsperf.gpu";
        Object runtimes = service("org.tsperf.gpu.GpuRuntimes");
        // resolved now: the module's class loader finds none of its classes once the module is gone
        java.lang.reflect.Method openDevices = openVulkanDevices(runtimes);
        Object runtime = runtimes.getClass().getMethod("runtime").invoke(runtimes);
        boolean vulkan = runtime.getClass().getMethod("vulkan").invoke(runtime) != null;
        assertEquals(Boolean.TRUE, runtimes.getClass().getMethod("isOpen").invoke(runtimes));
        assertEquals("the module holds its Vulkan device (lavapipe at least): "
                + runtime.getClass().getMethod("vulkanProblem").invoke(runtime), 1, openDevices.invoke(null));
        assertTrue(vulkan);
        List<Path> files = trackedFiles(gpu);
        WorkbenchWindows.open(action(GPU_WINDOW), GPU_WINDOW);
        assertTrue("Tools > Options > Performance has the GPU tab", WorkbenchWindows.performanceTabs().contains("GPU"));

        LoggedProblems problems = LoggedProblems.capture();
        uninstall(gpu);
        assertEquals("the module's runtime was closed", Boolean.FALSE,
                runtimes.getClass().getMethod("isOpen").invoke(runtimes));
        assertEquals("its Vulkan device was destroyed", 0, openDevices.invoke(null));
        await(() -> find("org.tsperf.api.gpu.VideoProcessor") == null, "VideoProcessor to leave Lookup");
        await(() -> !WorkbenchWindows.opened(GPU_WINDOW), "the GPU Scheduler window to close");
        await(() -> !WorkbenchWindows.performanceTab("GPU"), "the GPU tab's registration to go");
        // and the tab, from the Options dialog built before (PerformanceOptionsContainer follows the registrations)
        WorkbenchWindows.performanceTabs(t -> !t.contains("GPU"), "no GPU tab");
        for (Path f : files) {
            assertFalse("uninstalling removed " + f, Files.exists(f));
        }

        install(gpu);
        await(() -> find("org.tsperf.api.gpu.VideoProcessor") != null, "VideoProcessor to be back");
        Object back = service("org.tsperf.gpu.GpuRuntimes");
        assertNotSame("a new registry from the installed module", runtimes, back);
        Object again = back.getClass().getMethod("runtime").invoke(back);
        again.getClass().getMethod("vulkan").invoke(again);
        assertEquals("the installed module opens a runtime again", Boolean.TRUE,
                back.getClass().getMethod("isOpen").invoke(back));
        assertEquals("with its own Vulkan device", 1, openVulkanDevices(back).invoke(null));
        for (Path f : files) {
            assertTrue("installing put back " + f, Files.exists(f));
        }
        await(() -> WorkbenchWindows.windowAction(action(GPU_WINDOW)), "Window > GPU Scheduler to be back");
        WorkbenchWindows.openAfterInstall(action(GPU_WINDOW), GPU_WINDOW);
        assertTrue("the open GPU Scheduler is the installed module's",
                WorkbenchWindows.openedFrom(GPU_WINDOW, back.getClass().getClassLoader()));
        await(() -> WorkbenchWindows.performanceTab("GPU"), "the GPU tab's registration to be back");
        WorkbenchWindows.performanceTabs(t -> t.contains("GPU"), "the GPU tab");
        problems.close();
        problems.assertNone("while the GPU module went and came back");
    }

    /**
     * From a copy of the catalog without its checksums, so that only the signature can vouch for an NBM: the
     * monitor's NBM, signed with the project key, is trusted (the branding module's KeyStoreProvider) and installs;
     * the same NBM with one byte of a class changed in its module jar is marked as changed and not installed.
     */
    public void testNbmSignedWithTheProjectKeyIsTrustedAndAChangedOneRefused() throws Exception {
        String monitor = "org.tsperf.monitor";
        Path work = Path.of(System.getProperty("all.clusters")).resolveSibling("module-uninstall-catalogs");
        Path signed = NbmTampering.copyCatalog(work.resolve("signed"), true);
        Path changed = NbmTampering.copyCatalog(work.resolve("changed"), true);
        NbmTampering.changeAClassInTheModuleJar(changed.resolve("tsperf-monitor-0.1.0-SNAPSHOT.nbm"),
                "netbeans/modules/org-tsperf-monitor.jar");
        URL project = PluginOperations.useCatalog(signed.resolve("updates.xml").toUri().toURL());
        try {
            uninstall(monitor);
            PluginOperations.Validation trusted = install(monitor);
            assertTrue("the project's NBM is trusted by its signature: " + trusted, trusted.trusted());
            assertTrue("signed with the project key: " + trusted.certificate(),
                    trusted.certificate().contains("CN=Timeline Studio Performance build key"));

            uninstall(monitor);
            PluginOperations.useCatalog(changed.resolve("updates.xml").toUri().toURL());
            PluginOperations.Validation refused = PluginOperations.installIfUnchanged(monitor);
            assertTrue("an NBM changed after signing is marked as changed: " + refused, refused.modified());
            assertFalse("and not trusted", refused.trusted());
            assertFalse("nor installed", PluginOperations.known(monitor));
            assertFalse("its jar is not in the cluster", Files.exists(Path.of(System.getProperty("all.clusters"),
                    "tsperf", "modules", "org-tsperf-monitor.jar")));
        } finally {
            PluginOperations.useCatalog(project);
        }
        install(monitor);
        assertTrue("installed again from nbm-repo", PluginOperations.enabled(monitor));
        await(() -> WorkbenchWindows.windowAction(action(MONITOR_WINDOW)), "Window > Performance Monitor to be back");
        WorkbenchWindows.openAfterInstall(action(MONITOR_WINDOW), MONITOR_WINDOW);
        ClassLoader installed = PluginOperations.moduleClassLoader(monitor);
        assertTrue("the open Performance Monitor is the installed module's, not the window of the one uninstalled ("
                + WorkbenchWindows.known("PerformanceMonitorTopComponent") + ")",
                WorkbenchWindows.openedFrom(MONITOR_WINDOW, installed));
    }

    /** Garbage collections until {@code ref} is cleared, with a deadline; fails naming {@code what} stayed. */
    private static void awaitCollected(Reference<?> ref, String what) throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (ref.get() != null && System.nanoTime() < until) {
            System.gc();
            Thread.sleep(100);
        }
        assertNull(what + " is still reachable after garbage collections for 60 s (a class-loader leak)", ref.get());
    }

    /** The window's open action in the layer (Window menu), from its ActionID. */
    private static String action(String windowClass) {
        return windowClass.replace('.', '-') + ".instance";
    }

    /** {@code VulkanDevice.openDevices()} of the GPU module behind {@code runtimes}: the devices it holds open. */
    private static java.lang.reflect.Method openVulkanDevices(Object runtimes) throws Exception {
        return runtimes.getClass().getClassLoader().loadClass("org.tsperf.gpu.vulkan.VulkanDevice")
                .getMethod("openDevices");
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
}
