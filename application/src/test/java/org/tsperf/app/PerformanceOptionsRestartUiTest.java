package org.tsperf.app;

import static org.tsperf.app.Await.await;
import static org.tsperf.app.PerformanceOptions.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.OptionsOperator;
import org.netbeans.jemmy.operators.JComboBoxOperator;
import org.netbeans.jemmy.operators.JSpinnerOperator;
import org.netbeans.jemmy.operators.JTabbedPaneOperator;
import org.netbeans.jemmy.operators.JTextFieldOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.Manager;
import org.netbeans.junit.NbModuleSuite;
import org.tsperf.api.cache.CacheConfiguration;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskType;

/**
 * A new workbench process on the user directory {@link PerformanceOptionsUiTest} left (application/pom.xml runs this
 * after it, in a JVM of its own, with {@code reuseUserDir}): the values set in Tools &gt; Options are there, in the
 * tabs and in the engines that take them at start (the memory profile, the task queues). A value hand-edited into the
 * settings file before the start (not a number) gives its default and a warning, and the start goes on.
 */
public class PerformanceOptionsRestartUiTest extends JellyTestCase {

    public PerformanceOptionsRestartUiTest(String name) {
        super(name);
    }

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        // before the platform starts: the first run's user directory (NbModuleSuite's first, kept by reuseUserDir)
        Path tasks = Path.of(Manager.getWorkDirPath(), "userdir0", "config/Preferences/org/tsperf/tasks.properties");
        try {
            if (!Files.readString(tasks).contains("workers.thumbnail=3")) {
                throw new AssertionError(tasks + " lacks what PerformanceOptionsUiTest saved: run it first");
            }
            Files.writeString(tasks, "\nworkers.render=many\n", StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException(tasks + ": run PerformanceOptionsUiTest first, same nbjunit.workdir", ex);
        }
        return NbModuleSuite.createConfiguration(PerformanceOptionsRestartUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .reuseUserDir(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testValuesSetInOptionsSurviveANewWorkbenchProcess")
                .suite();
    }

    public void testValuesSetInOptionsSurviveANewWorkbenchProcess() {
        assertTrue("the same user directory as the first run: " + PerformanceOptions.userdir(),
                PerformanceOptions.userdir().endsWith("userdir0"));
        assertEquals("the memory manager started with the stored profile", PerformanceOptions.MEMORY_PROFILE,
                service(MemoryManager.class).profile().name());
        assertEquals(PerformanceOptions.L2_BUDGET, service(CacheConfiguration.class).config().l2BudgetBytes());
        TaskService tasks = service(TaskService.class);
        await(() -> workers(tasks, TaskType.THUMBNAIL), Integer.toString(PerformanceOptions.THUMBNAIL_WORKERS),
                "the thumbnail queue started with the stored workers");
        assertEquals("a hand-edited 'many' gives the default", "1", workers(tasks, TaskType.RENDER));

        OptionsOperator options = OptionsOperator.invoke();
        JTabbedPaneOperator tabs = PerformanceOptions.open(options);
        tabs.selectPage("Cache");
        assertEquals(PerformanceOptions.L2_BUDGET_TEXT,
                new JTextFieldOperator(tabs, new NameComponentChooser("cacheL2Budget")).getText());
        tabs.selectPage("Memory");
        assertEquals(PerformanceOptions.MEMORY_PROFILE, String.valueOf(
                new JComboBoxOperator(tabs, new NameComponentChooser("memoryProfile")).getSelectedItem()));
        tabs.selectPage("Background Tasks");
        assertEquals(PerformanceOptions.THUMBNAIL_WORKERS, ((Number) new JSpinnerOperator(tabs,
                new NameComponentChooser("workers." + TaskType.THUMBNAIL.name())).getValue()).intValue());
        options.btCancel().push();
    }

    private static String workers(TaskService tasks, TaskType type) {
        return Integer.toString(tasks.queues().stream().filter(q -> q.type() == type).findFirst().orElseThrow()
                .workers());
    }
}
