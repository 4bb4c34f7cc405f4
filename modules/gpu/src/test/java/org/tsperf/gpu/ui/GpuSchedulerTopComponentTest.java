package org.tsperf.gpu.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tsperf.gpu.DeviceChoice;
import org.tsperf.gpu.GpuRuntimes;

/** The window without a window system, on the real services: what it shows on Vulkan and on the CPU fallback. */
class GpuSchedulerTopComponentTest {

    private GpuSchedulerTopComponent tc;

    @AfterEach
    void close() throws Exception {
        if (tc != null) {
            SwingUtilities.invokeAndWait(() -> {
                tc.componentHidden();
                tc.componentClosed();
            });
        }
        System.clearProperty("tsperf.gpu.vulkan");
        DeviceChoice.set(DeviceChoice.AUTOMATIC);
        GpuRuntimes.get().close();
    }

    private void open() throws Exception {
        GpuRuntimes.get().close(); // the next use reads the system properties again
        SwingUtilities.invokeAndWait(() -> {
            tc = new GpuSchedulerTopComponent();
            tc.componentShowing(); // opened and shown: it samples while it can be seen
        });
    }

    @Test
    void showsTheMeasuredPathTheDeviceAndTheQueues() throws Exception {
        open();
        JLabel path = find(tc, JLabel.class, "gpu.path");
        String text = await(path::getText, "the measured path");
        assertTrue(text.matches("Frame operations: (VULKAN|CPU) \\(measured at first use: Vulkan .*"), text);
        assertTrue(find(tc, JTextArea.class, "gpu.devices").getText().startsWith("in use: "));
        JTable queues = find(tc, JTable.class, "gpu.queues");
        assertEquals(3, queues.getRowCount());
        assertEquals("VIEWER", String.valueOf(queues.getValueAt(0, 0)));
        assertTrue(find(tc, JLabel.class, "gpu.pipelineCache").getText().contains("pipelines-"));
        String batches = find(tc, JLabel.class, "gpu.batches").getText();
        assertTrue(batches.matches("Batches of small tasks: \\d+ \\(\\d+ tasks, largest \\d+\\); Vulkan submissions: \\d+"),
                batches);
    }

    @Test
    void saysCpuFallbackAndWhyWhenVulkanIsMissing() throws Exception {
        System.setProperty("tsperf.gpu.vulkan", "false");
        open();
        JLabel path = find(tc, JLabel.class, "gpu.path");
        String text = await(path::getText, "the fallback");
        assertTrue(text.startsWith("Frame operations: CPU (CPU fallback: Vulkan disabled"), text);
        assertTrue(find(tc, JTextArea.class, "gpu.devices").getText().startsWith("CPU fallback: "));
        assertTrue(find(tc, JLabel.class, "gpu.pipelineCache").getText().contains("none (no Vulkan)"));
    }

    @Test
    void theUserChoosesTheCpuReferenceAndBackAndTheRuntimeRestartsWithIt() throws Exception {
        open();
        JLabel path = find(tc, JLabel.class, "gpu.path");
        await(path::getText, "the measured path");
        @SuppressWarnings("unchecked")
        JComboBox<Object> combo = find(tc, JComboBox.class, "gpu.deviceChoice");
        awaitMatch(() -> String.valueOf(combo.getItemCount()), "[3-9]", "automatic, the devices, the CPU reference");
        SwingUtilities.invokeAndWait(() -> combo.setSelectedIndex(combo.getItemCount() - 1));
        String text = awaitMatch(path::getText, "Frame operations: CPU \\(CPU reference chosen by the user.*",
                "the CPU path chosen by the user");
        assertEquals(DeviceChoice.CPU, DeviceChoice.get(), text);
        assertTrue(find(tc, JTextArea.class, "gpu.devices").getText().startsWith("in use: CPU reference"));
        SwingUtilities.invokeAndWait(() -> combo.setSelectedIndex(0));
        awaitMatch(path::getText, "Frame operations: (VULKAN|CPU) \\(measured at first use.*", "automatic again");
        assertEquals(DeviceChoice.AUTOMATIC, DeviceChoice.get());
        assertTrue(find(tc, JTextArea.class, "gpu.devices").getText().startsWith("in use: "));
    }

    @Test
    void aBenchmarkStartedElsewhereShowsInTheTableWithWhetherThePathAgrees() throws Exception {
        open();
        JLabel path = find(tc, JLabel.class, "gpu.path");
        await(path::getText, "the measured path");
        // as the monitor's GPU Benchmark button does: through the API, not the window's button
        org.tsperf.api.gpu.BenchmarkReport r = org.openide.util.Lookup.getDefault()
                .lookup(org.tsperf.api.gpu.GpuBenchmark.class).measure(1280, 720, java.time.Duration.ofMillis(20))
                .get(120, TimeUnit.SECONDS);
        JTable results = find(tc, JTable.class, "gpu.benchmarkResults");
        awaitMatch(() -> String.valueOf(results.getRowCount()), String.valueOf(r.operations().size()),
                "every operation in the window's table");
        String verdict = awaitMatch(find(tc, JLabel.class, "gpu.benchmarkVerdict")::getText,
                "Frames run on (the CPU|Vulkan), the faster path in this benchmark .*", "the path and the benchmark agree");
        String faster = r.fasterPath() == org.tsperf.api.gpu.ProcessingPath.CPU ? "CPU" : "VULKAN";
        awaitMatch(path::getText, "Frame operations: " + faster + " \\(GPU benchmark at 1280x720: .*",
                "the automatic path to follow the benchmark (" + verdict + ")");
    }

    @Test
    void theVerdictSaysWhyThePathDiffersFromTheBenchmark() {
        java.util.List<org.tsperf.api.gpu.BenchmarkReport.OperationResult> ops = new java.util.ArrayList<>();
        double[] ratios = {0.3, 0.25, 0.5, 0.4, 0.3, 0.3, 0.5, 1.2, 1.1};
        for (int i = 0; i < ratios.length; i++) {
            ops.add(new org.tsperf.api.gpu.BenchmarkReport.OperationResult("op " + i, 10 * ratios[i], 10, 5,
                    ratios[i]));
        }
        org.tsperf.api.gpu.ProcessorStatus cpu = new org.tsperf.api.gpu.ProcessorStatus(
                org.tsperf.api.gpu.ProcessingPath.CPU, "llvmpipe", "GPU benchmark at 3840x2160: ...", 1, 1, true);
        org.tsperf.api.gpu.BenchmarkReport r = new org.tsperf.api.gpu.BenchmarkReport("llvmpipe", 3840, 2160, 2, ops,
                1, 1, cpu);
        assertEquals("Frames run on the CPU, the faster path in this benchmark (the CPU faster on 7 of 9 operations).",
                BenchmarkVerdict.of(r, cpu));
        org.tsperf.api.gpu.ProcessorStatus chosen = new org.tsperf.api.gpu.ProcessorStatus(
                org.tsperf.api.gpu.ProcessingPath.VULKAN, "llvmpipe",
                "Vulkan device chosen by the user in the GPU Scheduler window", Double.NaN, Double.NaN, true);
        assertEquals("Frames run on Vulkan although this benchmark found the CPU faster on 7 of 9 operations: Vulkan"
                + " device chosen by the user in the GPU Scheduler window. Choose \"Automatic\" above to follow the"
                + " benchmark.", BenchmarkVerdict.of(r, chosen));
    }

    private static String awaitMatch(Supplier<String> text, String regex, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String[] t = new String[1];
        while (System.nanoTime() < deadline) {
            SwingUtilities.invokeAndWait(() -> t[0] = text.get());
            if (t[0] != null && t[0].matches(regex)) {
                return t[0];
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + "; last seen: " + t[0]);
    }

    private static String await(Supplier<String> text, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String[] t = new String[1];
            SwingUtilities.invokeAndWait(() -> t[0] = text.get());
            if (t[0] != null && !t[0].contains("measuring...") && !t[0].isBlank()) {
                return t[0];
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static <T extends Component> T find(Container root, Class<T> type, String name) {
        T found = search(root, type, name);
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " named " + name);
        }
        return found;
    }

    private static <T extends Component> T search(Container root, Class<T> type, String name) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && name.equals(c.getName())) {
                return type.cast(c);
            }
            if (c instanceof Container container) {
                T found = search(container, type, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
