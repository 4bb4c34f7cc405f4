package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.MainWindowOperator;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JProgressBarOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;

/**
 * Starts the assembled application (all its clusters) under a real display, finds the Performance Monitor with
 * JellyTools/Jemmy operators and reads live figures from it.
 */
public class PerformanceMonitorUiTest extends JellyTestCase {

    private static final String TITLE = "Performance Monitor";

    public PerformanceMonitorUiTest(String name) {
        super(name);
        // the monitor repaints every second, so "no AWT event for 1 s" before each test would never come
        waitNoEvent = false;
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(PerformanceMonitorUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testMonitorOpensAtStartWithLiveFigures", "testMissingModulesAreExplained",
                        "testWindowMenuReopensTheMonitor")
                .suite();
    }

    public void testMonitorOpensAtStartWithLiveFigures() throws Exception {
        TopComponentOperator monitor = new TopComponentOperator(TITLE);
        JProgressBarOperator cpu = new JProgressBarOperator(monitor, new NameComponentChooser("cpuBar"));
        JProgressBarOperator ram = new JProgressBarOperator(monitor, new NameComponentChooser("ramBar"));
        String cpuText = await(() -> cpu.getString(), "\\d+ %  \\(this app \\d+ %\\)", "a live CPU figure");
        int cpuPercent = Integer.parseInt(cpuText.substring(0, cpuText.indexOf(' ')));
        assertTrue(cpuText, cpuPercent >= 0 && cpuPercent <= 100);
        // text and value read in one event-thread turn: a new sample may land between two separate reads
        javax.swing.JProgressBar cpuBar = (javax.swing.JProgressBar) cpu.getSource();
        await(() -> {
            Object[] seen = new Object[2];
            try {
                javax.swing.SwingUtilities.invokeAndWait(() -> {
                    seen[0] = cpuBar.getString();
                    seen[1] = cpuBar.getValue();
                });
            } catch (InterruptedException | java.lang.reflect.InvocationTargetException ex) {
                throw new AssertionError(ex);
            }
            String text = (String) seen[0];
            return text.matches("\\d+ %.*") && Math.abs(Integer.parseInt(text.substring(0, text.indexOf(' ')))
                    - (Integer) seen[1]) <= 1;
        }, "the bar to show the figure it prints");
        // byte sizes as ByteSizes prints them everywhere: "45 %  (3.21 GiB of 7.75 GiB)"
        String ramText = await(() -> ram.getString(), "\\d+ %  \\(\\d+\\.\\d+ [KMG]iB of \\d+\\.\\d+ [KMG]iB\\)",
                "a live RAM figure");
        String[] sizes = ramText.replaceAll(".*\\((.*) of (.*)\\)", "$1;$2").split(";");
        assertTrue(ramText, bytes(sizes[0]) <= bytes(sizes[1]));
        // the figures move: a second sample arrives within a few seconds
        long before = System.currentTimeMillis();
        String first = cpu.getString() + ram.getToolTipText();
        await(() -> cpu.getString() + ram.getToolTipText(), "(?!" + java.util.regex.Pattern.quote(first) + "$).*",
                "a new sample");
        assertTrue(System.currentTimeMillis() - before < 10_000);
        screenshot();
    }

    public void testMissingModulesAreExplained() {
        TopComponentOperator monitor = new TopComponentOperator(TITLE);
        // (the GPU module is part of the application: GpuSchedulerUiTest checks the GPU bar's real figures)
        // the proxy engine is installed: its line counts proxies and its button is live
        String proxies = new JLabelOperator(monitor, new NameComponentChooser("proxiesValue")).getText();
        assertTrue(proxies, proxies.matches("\\d+/\\d+ generated"));
        JButtonOperator generate = new JButtonOperator(monitor, new NameComponentChooser("generateProxies"));
        assertTrue("the proxy module is installed", generate.isEnabled());
        // the playback module is installed and nothing plays; the Optimization Wizard module is installed: Optimize
        // Now is live (OptimizationWizardUiTest opens the wizard with it)
        JLabelOperator playback = new JLabelOperator(monitor, new NameComponentChooser("playbackValue"));
        await(playback::getText, "nothing playing", "the playback line of an idle player");
        JButtonOperator optimize = new JButtonOperator(monitor, new NameComponentChooser("optimizeNow"));
        assertTrue("the wizard module is installed", optimize.isEnabled());
    }

    public void testWindowMenuReopensTheMonitor() {
        new TopComponentOperator(TITLE).close();
        TopComponentOperator reopened = Menus.openWindow(TITLE);
        await(() -> new JProgressBarOperator(reopened, new NameComponentChooser("cpuBar")).getString(), "\\d+ %.*",
                "figures after reopening");
    }

    /** "3.21 GiB" as bytes. */
    private static double bytes(String size) {
        String[] parts = size.split(" ");
        int shift = switch (parts[1]) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            default -> 30;
        };
        return Double.parseDouble(parts[0]) * (1L << shift);
    }

    /** With -Dtsperf.screenshot=FILE the main window is saved as PNG (the README's screenshot is made this way). */
    private static void screenshot() throws Exception {
        String file = System.getProperty("tsperf.screenshot", "");
        if (file.isEmpty()) {
            return;
        }
        Thread.sleep(3000); // let the charts gather a few seconds of history
        Rectangle bounds = MainWindowOperator.getDefault().getBounds();
        BufferedImage image = new Robot().createScreenCapture(bounds);
        ImageIO.write(image, "png", new File(file));
    }
}
