package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.util.logging.Level;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JComboBoxOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JProgressBarOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.operators.JTextAreaOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.util.NbPreferences;

/**
 * The GPU module in the assembled workbench: the GPU Scheduler window (device in use, measured path, queues,
 * pipeline cache, benchmark action) and real GPU figures in the Performance Monitor.
 */
public class GpuSchedulerUiTest extends JellyTestCase {

    private static final String TITLE = "GPU Scheduler";

    public GpuSchedulerUiTest(String name) {
        super(name);
        waitNoEvent = false; // the window refreshes every second
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(GpuSchedulerUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testWindowShowsTheDeviceThePathAndTheQueues", "testUserChoosesTheCpuReferenceAndSwitchesBack",
                        "testMonitorShowsRealGpuFigures", "testMonitorsBenchmarkShowsItsResultsInTheGpuSchedulerTable")
                .suite();
    }

    public void testWindowShowsTheDeviceThePathAndTheQueues() {
        TopComponentOperator window = Menus.openWindow(TITLE);
        JLabelOperator path = new JLabelOperator(window, new NameComponentChooser("gpu.path"));
        String text = await(path::getText, "Frame operations: (VULKAN|CPU) \\((measured at first use|CPU fallback).*",
                "the measured path");
        JTextAreaOperator devices = new JTextAreaOperator(window, new NameComponentChooser("gpu.devices"));
        assertTrue(devices.getText(), devices.getText().startsWith("in use: ") || text.contains("CPU fallback"));
        JTableOperator queues = new JTableOperator(window, new NameComponentChooser("gpu.queues"));
        await(() -> String.valueOf(queues.getRowCount()), "3", "one row per queue");
        assertEquals("VIEWER", String.valueOf(queues.getValueAt(0, 0)));
        assertEquals("BACKGROUND", String.valueOf(queues.getValueAt(2, 0)));
        String cache = new JLabelOperator(window, new NameComponentChooser("gpu.pipelineCache")).getText();
        assertTrue(cache, cache.startsWith("Pipeline cache: "));
        assertTrue(new JButtonOperator(window, new NameComponentChooser("gpu.benchmark")).isEnabled());
    }

    public void testUserChoosesTheCpuReferenceAndSwitchesBack() {
        TopComponentOperator window = new TopComponentOperator(TITLE);
        JLabelOperator path = new JLabelOperator(window, new NameComponentChooser("gpu.path"));
        String measured = "Frame operations: (VULKAN|CPU) \\((measured at first use|CPU fallback).*";
        await(path::getText, measured, "the measured path");
        JComboBoxOperator choice = new JComboBoxOperator(window, new NameComponentChooser("gpu.deviceChoice"));
        assertTrue("enabled unless -Dtsperf.gpu.device decides", choice.isEnabled());
        choice.selectItem("CPU reference");
        await(path::getText, "Frame operations: CPU \\(CPU reference chosen by the user.*", "the CPU path, chosen");
        JTextAreaOperator devices = new JTextAreaOperator(window, new NameComponentChooser("gpu.devices"));
        await(devices::getText, "(?s)in use: CPU reference \\(chosen by the user\\).*", "the CPU reference in use");
        assertEquals("remembered in the module's preferences", "cpu", gpuPreferences().get("device", ""));
        await(() -> String.valueOf(choice.isEnabled()), "true", "the combo back after the restart");
        choice.selectItem(0);
        await(() -> "".equals(gpuPreferences().get("device", "")), "the automatic choice to be remembered");
        await(path::getText, measured, "the automatic choice again (a new runtime, measured)");
        await(devices::getText, "(?s)(in use: (?!CPU reference)|CPU fallback: ).*", "no CPU reference in use");
        assertEquals("still remembered once written", "", gpuPreferences().get("device", ""));
    }

    private static java.util.prefs.Preferences gpuPreferences() {
        return NbPreferences.root().node("org/tsperf/gpu");
    }

    /** The monitor's GPU Benchmark fills the GPU Scheduler's table, and the path in use follows the benchmark. */
    public void testMonitorsBenchmarkShowsItsResultsInTheGpuSchedulerTable() {
        TopComponentOperator monitor = new TopComponentOperator("Performance Monitor");
        monitor.makeComponentVisible();
        new JButtonOperator(monitor, new NameComponentChooser("gpuBenchmark")).push();
        TopComponentOperator window = new TopComponentOperator(TITLE); // opened by the button, at once
        JTableOperator results = new JTableOperator(window, new NameComponentChooser("gpu.benchmarkResults"));
        Await.await(() -> String.valueOf(results.getRowCount()), "9", "every operation in the GPU Scheduler's table",
                180_000);
        await(() -> org.openide.awt.StatusDisplayer.getDefault().getStatusText(),
                "GPU Benchmark: done; every operation's figures are in the GPU Scheduler window",
                "a status line that points to the window, not a paragraph of figures");
        JLabelOperator verdict = new JLabelOperator(window, new NameComponentChooser("gpu.benchmarkVerdict"));
        await(verdict::getText, "Frames run on (the CPU|Vulkan), the faster path in this benchmark \\((the CPU|Vulkan)"
                + " faster on \\d of 9 operations\\)\\.", "the path and the benchmark to agree");
        JLabelOperator path = new JLabelOperator(window, new NameComponentChooser("gpu.path"));
        await(path::getText, "Frame operations: (VULKAN|CPU) \\(GPU benchmark at 1920x1080: .*",
                "the automatic path to follow the benchmark");
    }

    public void testMonitorShowsRealGpuFigures() {
        TopComponentOperator monitor = new TopComponentOperator("Performance Monitor");
        JProgressBarOperator gpu = new JProgressBarOperator(monitor, new NameComponentChooser("gpuBar"));
        await(gpu::getString, "\\d+ %  \\(.* of .*\\)", "real GPU figures from the GPU module");
        assertFalse("the device is named", gpu.getToolTipText() == null || gpu.getToolTipText().isBlank());
    }
}
