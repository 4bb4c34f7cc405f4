package org.tsperf.app;

import static org.tsperf.app.Await.await;
import static org.tsperf.app.PerformanceOptions.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.OptionsOperator;
import org.netbeans.jemmy.operators.JComboBoxOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JSpinnerOperator;
import org.netbeans.jemmy.operators.JTabbedPaneOperator;
import org.netbeans.jemmy.operators.JTextFieldOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.tsperf.api.cache.CacheConfiguration;
import org.tsperf.api.memory.MemoryConfiguration;
import org.tsperf.api.tasks.TaskConfiguration;
import org.tsperf.api.tasks.TaskType;

/**
 * Tools &gt; Options &gt; Performance of the real workbench: one category with a tab per module; a value the cache
 * cannot use is refused with a message and OK stays disabled; values changed in the Cache, Memory and Background
 * Tasks tabs are saved by OK into the user directory. {@link PerformanceOptionsRestartUiTest} then starts a new
 * workbench process on the same user directory (application/pom.xml runs the two in that order).
 */
public class PerformanceOptionsUiTest extends JellyTestCase {

    public PerformanceOptionsUiTest(String name) {
        super(name);
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(PerformanceOptionsUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testPerformanceTabsValidateAndOkSavesIntoTheUserDirectory")
                .suite();
    }

    public void testPerformanceTabsValidateAndOkSavesIntoTheUserDirectory() {
        assertEquals("the defaults before", 8L << 30, service(CacheConfiguration.class).config().l2BudgetBytes());
        OptionsOperator options = OptionsOperator.invoke();
        JTabbedPaneOperator tabs = PerformanceOptions.open(options);
        await(() -> String.join(",", PerformanceOptions.titles(tabs)), String.join(",", PerformanceOptions.TABS),
                "a tab per module in Tools > Options > Performance");

        tabs.selectPage("Cache");
        JTextFieldOperator l2 = new JTextFieldOperator(tabs, new NameComponentChooser("cacheL2Budget"));
        assertEquals("8G", l2.getText());
        l2.setText("lots");
        JLabelOperator problem = new JLabelOperator(tabs, new NameComponentChooser("cacheOptionsProblem"));
        await(problem::getText, "Not valid: L2 budget: not a size \\(e\\.g\\. 512M, 8G\\): lots",
                "the message line naming the field");
        await(() -> !options.btOK().isEnabled(), "OK to be disabled while a value is not valid");
        l2.setText(PerformanceOptions.L2_BUDGET_TEXT);
        await(problem::getText, "\\s*", "the message line to clear");
        await(() -> options.btOK().isEnabled(), "OK to be enabled again");

        tabs.selectPage("Memory");
        new JComboBoxOperator(tabs, new NameComponentChooser("memoryProfile"))
                .setSelectedItem(PerformanceOptions.MEMORY_PROFILE);

        tabs.selectPage("Background Tasks");
        new JSpinnerOperator(tabs, new NameComponentChooser("workers." + TaskType.THUMBNAIL.name()))
                .setValue(PerformanceOptions.THUMBNAIL_WORKERS);

        tabs.selectPage("GPU");
        JComboBoxOperator gpu = new JComboBoxOperator(tabs, new NameComponentChooser("gpuDevice"));
        await(() -> String.valueOf(gpu.getItemCount() >= 2), "true", "Automatic and the CPU at least");
        assertEquals("Automatic (the best device, the faster path)", String.valueOf(gpu.getSelectedItem()));

        options.btOK().push();
        await(() -> service(CacheConfiguration.class).config().l2BudgetBytes() == PerformanceOptions.L2_BUDGET,
                "the L2 budget saved");
        await(() -> service(MemoryConfiguration.class).profile().equals(PerformanceOptions.MEMORY_PROFILE),
                "the memory profile saved");
        await(() -> service(TaskConfiguration.class).config().workers(TaskType.THUMBNAIL)
                == PerformanceOptions.THUMBNAIL_WORKERS, "the thumbnail workers saved");
        // workers apply to the running task system at once
        await(() -> String.valueOf(service(org.tsperf.api.tasks.TaskService.class).queues().stream()
                .filter(q -> q.type() == TaskType.THUMBNAIL).findFirst().orElseThrow().workers()),
                Integer.toString(PerformanceOptions.THUMBNAIL_WORKERS), "the running thumbnail queue's workers");
        // kept in the user directory, where the next start reads them
        await(() -> read(PerformanceOptions.settingsFile("cache")), "(?s).*l2\\.budget=" + PerformanceOptions.L2_BUDGET
                + ".*", "cache.properties in the user directory");
        await(() -> read(PerformanceOptions.settingsFile("memory")), "(?s).*profile=4 GB machine.*",
                "memory.properties in the user directory");
        await(() -> read(PerformanceOptions.settingsFile("tasks")), "(?s).*workers\\.thumbnail=3.*",
                "tasks.properties in the user directory");
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
