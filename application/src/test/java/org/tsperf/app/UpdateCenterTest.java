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
 * Every feature module that starts threads or opens files ends them when it is switched off that way (through the
 * module system, as Tools > Plugins > Deactivate does).
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
        replaceWithCopy(built, copy);
        System.setProperty("all.clusters", copy.toString());
        return NbModuleSuite.createConfiguration(UpdateCenterTest.class)
                .clusters(".*")
                .enableModules(".*")
                .enableClasspathModules(false)
                .honorAutoloadEager(true)
                .gui(false)
                .addTest("testFeatureModuleIsSwitchedOffAndOnAtRuntime",
                        "testMemoryModuleStopsItsPressureThreadWhenSwitchedOff",
                        "testMonitorModuleStopsSamplingWhenSwitchedOff",
                        "testTasksModuleStopsItsSchedulerWhenSwitchedOff",
                        "testCacheModuleStopsItsThreadsWhenSwitchedOff",
                        "testGpuModuleReleasesItsRuntimeWhenSwitchedOff",
                        "testProxyModuleClosesItsStoreIndexWhenSwitchedOff")
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

    public void testMemoryModuleStopsItsPressureThreadWhenSwitchedOff() throws Exception {
        assertSwitchingOffEnds("org.tsperf.memory", "org.tsperf.api.memory.MemoryManager", "pressure",
                "tsperf-memory-pressure");
    }

    public void testMonitorModuleStopsSamplingWhenSwitchedOff() throws Exception {
        assertSwitchingOffEnds("org.tsperf.monitor", "org.tsperf.api.monitor.ResourceMonitor", "start",
                "tsperf-resource-monitor");
    }

    public void testTasksModuleStopsItsSchedulerWhenSwitchedOff() throws Exception {
        assertSwitchingOffEnds(TASKS, "org.tsperf.api.tasks.TaskService", "counts", "tsperf-task-scheduler");
    }

    public void testCacheModuleStopsItsThreadsWhenSwitchedOff() throws Exception {
        assertSwitchingOffEnds("org.tsperf.cache", "org.tsperf.api.cache.MultiLevelCache", "levels", "tsperf-cache-");
    }

    /** The GPU runtime (Vulkan, the CPU reference's thread pools) is released when the module is off. */
    public void testGpuModuleReleasesItsRuntimeWhenSwitchedOff() throws Exception {
        switchOn("org.tsperf.gpu");
        Object runtimes = service("org.tsperf.gpu.GpuRuntimes");
        runtimes.getClass().getMethod("runtime").invoke(runtimes);
        assertEquals(Boolean.TRUE, runtimes.getClass().getMethod("isOpen").invoke(runtimes));
        switchOff("org.tsperf.gpu");
        assertEquals("the module's runtime was closed", Boolean.FALSE,
                runtimes.getClass().getMethod("isOpen").invoke(runtimes));
        switchOn("org.tsperf.gpu");
    }

    /** The proxy store's index (a MapDB file) is locked while the module uses it, and free once it is off. */
    public void testProxyModuleClosesItsStoreIndexWhenSwitchedOff() throws Exception {
        switchOn(TASKS);
        switchOn("org.tsperf.proxy");
        Object service = service("org.tsperf.api.proxy.ProxyService");
        service.getClass().getMethod("counts").invoke(service); // opens the store's index
        Object config = service.getClass().getMethod("config").invoke(service);
        Object settings = config.getClass().getMethod("settings").invoke(config);
        java.nio.file.Path index = ((java.nio.file.Path) settings.getClass().getMethod("store").invoke(settings))
                .resolve("index.db");
        assertTrue("the index is open: " + index, java.nio.file.Files.exists(index));
        switchOff("org.tsperf.proxy");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(index,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = ch.tryLock();
            assertNotNull("nothing else in this process holds the index " + index, lock);
            lock.release();
        }
        switchOn("org.tsperf.proxy");
    }

    /**
     * Uses a module's service (a no-argument method), sees its threads start, switches the module off through the
     * module system and sees every thread whose name starts with {@code threadPrefix} end; switches it on again.
     */
    private static void assertSwitchingOffEnds(String codeName, String serviceType, String use, String threadPrefix)
            throws Exception {
        switchOn(codeName);
        Object service = service(serviceType);
        service.getClass().getMethod(use).invoke(service);
        awaitThreads(threadPrefix, true, "the " + codeName + " module to start its threads");
        String before = threads(threadPrefix) + " of " + service + " by " + service.getClass().getClassLoader();
        switchOff(codeName);
        awaitThreads(threadPrefix, false, "the " + codeName + " module's threads to end once it is off (before: "
                + before + ")");
        switchOn(codeName);
    }

    private static Object service(String type) throws ClassNotFoundException {
        ClassLoader modules = Lookup.getDefault().lookup(ClassLoader.class);
        Object s = Lookup.getDefault().lookup(Class.forName(type, true, modules));
        assertNotNull(type + " is found", s);
        return s;
    }

    private static java.util.List<String> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    private static void awaitThreads(String prefix, boolean present, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (threads(prefix).isEmpty() == present) {
            assertTrue("timed out waiting for " + what + "; threads now: " + stacks(prefix),
                    System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
    }

    /** The threads' names and where they are, for a failure message. */
    private static String stacks(String prefix) {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.isAlive() && t.getName().startsWith(prefix)) {
                b.append('\n').append(t.getName()).append(" (").append(t.getState()).append(')');
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    b.append("\n    at ").append(stack[i]);
                }
            }
        });
        return b.toString();
    }

    /** Tools > Plugins > Installed > Deactivate, without a restart (modules that need it go too). */
    private static void switchOff(String codeName) throws Exception {
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.OperationSupport> disable =
                org.netbeans.api.autoupdate.OperationContainer.createForDirectDisable();
        disable.add(installed(codeName));
        assertTrue("nothing blocks disabling " + codeName + ": " + disable.listInvalid(),
                disable.listInvalid().isEmpty());
        assertNull("disabled without a restart", disable.getSupport().doOperation(null));
        awaitModule(codeName, false);
    }

    /** Tools > Plugins > Installed > Activate, when it is off (with what it needs). */
    private static void switchOn(String codeName) throws Exception {
        if (enabled(codeName)) {
            return;
        }
        org.netbeans.api.autoupdate.OperationContainer<org.netbeans.api.autoupdate.OperationSupport> enable =
                org.netbeans.api.autoupdate.OperationContainer.createForEnable();
        enable.add(installed(codeName));
        assertTrue("nothing blocks enabling " + codeName + ": " + enable.listInvalid(), enable.listInvalid().isEmpty());
        assertNull("enabled without a restart", enable.getSupport().doOperation(null));
        awaitModule(codeName, true);
    }

    private static org.netbeans.api.autoupdate.UpdateElement installed(String codeName) {
        for (org.netbeans.api.autoupdate.UpdateUnit u
                : org.netbeans.api.autoupdate.UpdateManager.getDefault().getUpdateUnits()) {
            if (u.getCodeName().equals(codeName)) {
                assertNotNull(codeName + " is installed", u.getInstalled());
                return u.getInstalled();
            }
        }
        throw new AssertionError(codeName + " is not known to the update manager");
    }

    private static void awaitModule(String codeName, boolean wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (enabled(codeName) != wanted) {
            assertTrue("timed out waiting for " + codeName + " to be " + (wanted ? "on" : "off"),
                    System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
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

    /** A fresh copy of the assembled application for a test that changes its installation. */
    static void replaceWithCopy(Path built, Path copy) throws IOException {
        deleteTree(copy);
        copyTree(built, copy);
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

    static void deleteTree(Path dir) throws IOException {
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
