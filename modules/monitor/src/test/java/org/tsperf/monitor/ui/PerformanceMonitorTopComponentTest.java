package org.tsperf.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netbeans.junit.MockServices;
import org.openide.util.Lookup;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.MemberStatus;
import org.tsperf.api.cluster.SegmentInFlight;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.monitor.OshiResourceMonitor;

/**
 * The window's model and wiring without a window system: buttons follow the modules that come and go (Lookup
 * listeners), and the bars fill from the real monitor service.
 */
class PerformanceMonitorTopComponentTest {

    private PerformanceMonitorTopComponent tc;

    @AfterEach
    void close() throws Exception {
        if (tc != null) {
            SwingUtilities.invokeAndWait(() -> {
                tc.componentHidden();
                tc.componentClosed();
            });
        }
        MockServices.setServices();
        Lookup.getDefault().lookupAll(ResourceMonitor.class).forEach(ResourceMonitor::stop);
    }

    private static <T extends Component> T find(Container root, Class<T> type, String name) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && name.equals(c.getName())) {
                return type.cast(c);
            }
            if (c instanceof Container) {
                T found = find((Container) c, type, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean[] ok = new boolean[1];
            SwingUtilities.invokeAndWait(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    void buttonsFollowModulesArrivingAndLeaving() throws Exception {
        MockServices.setServices(OshiResourceMonitor.class);
        SwingUtilities.invokeAndWait(() -> {
            tc = new PerformanceMonitorTopComponent();
            tc.componentOpened();
            tc.componentShowing(); // the window system shows it next
        });
        AbstractButton generate = find(tc, AbstractButton.class, "generateProxies");
        assertNotNull(generate);
        // the first sample (on the window's sampler thread) finds no proxy module: the button names it
        waitFor(() -> generate.getToolTipText().contains("Proxy Manager"), "the hint naming the Proxy Manager");
        assertFalse(generate.isEnabled(), "no proxy module yet");

        // a module that provides ProxyService is enabled at runtime
        MockServices.setServices(OshiResourceMonitor.class, DashboardModelTest.TwelveOfTwentyProxies.class);
        waitFor(generate::isEnabled, "Generate Proxies to be enabled");
        JLabel proxies = find(tc, JLabel.class, "proxiesValue");
        waitFor(() -> "12/20 generated".equals(proxies.getText()), "the proxy figures, saw " + proxies.getText());
        assertFalse(find(tc, AbstractButton.class, "clearCache").isEnabled(), "still no cache module");

        // and disabled again
        MockServices.setServices(OshiResourceMonitor.class);
        waitFor(() -> !generate.isEnabled(), "Generate Proxies to be disabled");
    }

    @Test
    void barsShowLiveFiguresFromTheMonitorService() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            tc = new PerformanceMonitorTopComponent();
            tc.componentOpened();
            tc.componentShowing(); // the window system shows it next
        });
        JProgressBar cpu = find(tc, JProgressBar.class, "cpuBar");
        JProgressBar ram = find(tc, JProgressBar.class, "ramBar");
        JProgressBar gpu = find(tc, JProgressBar.class, "gpuBar");
        waitFor(() -> cpu.getString().matches("\\d+ %.*"), "a CPU figure, saw " + cpu.getString());
        assertTrue(ram.getString().matches("\\d+ % +\\(\\d+\\.\\d+ [KMG]iB of \\d+\\.\\d+ [KMG]iB\\)"), ram.getString());
        assertEquals("not available", gpu.getString());
        assertEquals("GPU module not active", gpu.getToolTipText());
    }

    @Test
    void clusterLineShowsTheRunningClusterSampledOffTheEventThread() throws Exception {
        DashboardModelTest.StudioCluster.running = List.of(new ClusterStatus("studio", List.of(
                new MemberStatus("127.0.0.1:5701", "worker", 40, 1, 3)), List.of(
                new SegmentInFlight("0fda", 4, "127.0.0.1:5701", 60, 120)), 0, 0));
        DashboardModelTest.StudioCluster.askedOnEventThread = false;
        MockServices.setServices(OshiResourceMonitor.class, DashboardModelTest.StudioCluster.class);
        try {
            SwingUtilities.invokeAndWait(() -> {
                tc = new PerformanceMonitorTopComponent();
                tc.componentOpened();
                tc.componentShowing();
            });
            JLabel summary = find(tc, JLabel.class, "clusterValue");
            JLabel details = find(tc, JLabel.class, "clusterDetails");
            waitFor(() -> summary.getText().startsWith("studio: 1 members"), "the cluster line, saw "
                    + summary.getText());
            assertEquals("studio: 1 members, 1 segments in flight, 50 % (60/120 frames)", summary.getText());
            assertTrue(details.isVisible());
            assertTrue(details.getText().contains("segment 4 on 127.0.0.1:5701: 50 %"), details.getText());
            assertFalse(DashboardModelTest.StudioCluster.askedOnEventThread, "the cluster was asked on the event thread");

            DashboardModelTest.StudioCluster.running = List.of();
            waitFor(() -> "none running".equals(summary.getText()), "none running, saw " + summary.getText());
            waitFor(() -> !details.isVisible(), "the members and segments to go");
        } finally {
            DashboardModelTest.StudioCluster.running = List.of();
        }
    }
}
