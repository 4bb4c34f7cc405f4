package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JDialogOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.operators.JTextAreaOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.modules.ModuleInfo;
import org.openide.util.Lookup;

/**
 * The Optimization Wizard in the assembled workbench, opened by the Performance Monitor's Optimize Now: every step
 * walked, two recommendations changed by the user (parallel jobs, and the Proxy Manager to remove: the test machine's
 * own recommendation depends on its cores and media), Apply (the jobs reach the proxy configuration, the Proxy
 * Manager module is switched off), then Undo (the module on again, the jobs as before).
 */
public class OptimizationWizardUiTest extends JellyTestCase {

    private static final long MEASURE_MILLIS = 90_000;
    private static final String PROXY_MODULE = "org.tsperf.proxy";

    public OptimizationWizardUiTest(String name) {
        super(name);
        waitNoEvent = false; // the monitor refreshes every second
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(OptimizationWizardUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testOptimizeNowWalksTheWizardToApplyAndUndo")
                .suite();
    }

    public void testOptimizeNowWalksTheWizardToApplyAndUndo() {
        System.setProperty("tsperf.optimize.disk.test", "1M"); // the disk test: 1 MiB per disk, not 32
        TopComponentOperator monitor = Menus.openWindow("Performance Monitor");
        JButtonOperator optimize = new JButtonOperator(monitor, new NameComponentChooser("optimizeNow"));
        await(() -> String.valueOf(optimize.isEnabled()), "true", "Optimize Now enabled: the wizard is installed");
        optimize.pushNoBlock();
        JDialogOperator wizard = new JDialogOperator("Optimization Wizard");

        JTextAreaOperator hardware = new JTextAreaOperator(wizard, new NameComponentChooser("hardwareText"));
        await(hardware::getText, "(?s)\\d+ cores, RAM .*", "the measured machine", MEASURE_MILLIS);
        JButtonOperator next = new JButtonOperator(wizard, "Next");
        await(() -> String.valueOf(next.isEnabled()), "true", "Next once measured");
        next.push();

        JTextAreaOperator workload = new JTextAreaOperator(wizard, new NameComponentChooser("workloadText"));
        await(workload::getText, "(?s)(The Proxy Manager knows no media yet\\.|\\d+x\\d+ .*)", "the workload");
        next.push();

        JButtonOperator run = new JButtonOperator(wizard, new NameComponentChooser("runBenchmark"));
        run.push();
        JTextAreaOperator bench = new JTextAreaOperator(wizard, new NameComponentChooser("benchmarkText"));
        await(bench::getText, "(?s)(Benchmark cancelled\\.|.*faster: (vulkan|cpu) .*)", "the benchmark's end",
                MEASURE_MILLIS);
        await(() -> String.valueOf(next.isEnabled()), "true", "Next after the benchmark");
        next.push();

        JTableOperator table = new JTableOperator(wizard, new NameComponentChooser("recommendations"));
        await(() -> String.valueOf(table.getRowCount()), "12", "one row per setting");
        int jobs = table.findCellRow("jobs.parallel");
        assertTrue("a row for parallel jobs", jobs >= 0);
        String reason = String.valueOf(table.getValueAt(jobs, 2));
        assertFalse(reason, reason.isBlank());
        table.setValueAt("7", jobs, 1); // the user's own value (the recommendation is one job per 4 cores)
        int remove = table.findCellRow("modules.remove");
        assertTrue("a row for the modules to remove", remove >= 0);
        table.setValueAt("Proxy Manager", remove, 1);
        assertTrue("the Proxy Manager is on before Apply", enabled(PROXY_MODULE));
        next.push();

        JTextAreaOperator summary = new JTextAreaOperator(wizard, new NameComponentChooser("applySummary"));
        new JButtonOperator(wizard, new NameComponentChooser("applyButton")).push();
        String applied = await(summary::getText, "(?s).*changed jobs\\.parallel: \\d+ -> 7\n.*", "the summary");
        Matcher before = Pattern.compile("changed jobs\\.parallel: (\\d+) -> 7")
                .matcher(applied);
        assertTrue(applied, before.find());
        assertTrue(applied, applied.contains("proxy.sizes"));
        assertTrue(applied, applied.contains("changed modules.remove:  -> Proxy Manager (switched off"));
        await(() -> !enabled(PROXY_MODULE), "the Proxy Manager module to be off");
        JButtonOperator undo = new JButtonOperator(wizard, new NameComponentChooser("undoButton"));
        await(() -> String.valueOf(undo.isEnabled()), "true", "Undo after Apply");
        undo.push();
        String undone = await(summary::getText, "(?s)Undone:\n.*", "the undo summary");
        assertTrue(undone, undone.contains("changed jobs.parallel: 7 -> " + before.group(1) + "\n"));
        assertTrue(undone, undone.contains("changed modules.remove: Proxy Manager -> "));
        await(() -> enabled(PROXY_MODULE), "the Proxy Manager module to be on again");
        new JButtonOperator(wizard, "Finish").push();
        wizard.waitClosed();
    }

    /** Whether the module system has the module enabled (the platform's ModuleInfo in Lookup). */
    private static boolean enabled(String codeName) {
        return Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                .anyMatch(m -> m.getCodeNameBase().equals(codeName) && m.isEnabled());
    }
}
