package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.OptionsOperator;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JCheckBoxOperator;
import org.netbeans.jemmy.operators.JFileChooserOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JSpinnerOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyService;

/**
 * The Proxy Manager of the real workbench: a clip added through the file dialog gets its proxy made in the
 * background (the default "make proxies as media are added"), shows its thumbnail strip, and its proxy is deleted;
 * the "Use proxies" switch and Tools &gt; Options &gt; Performance &gt; Proxies change the saved configuration.
 */
public class ProxyManagerUiTest extends JellyTestCase {

    private static final int HALF = 3;

    public ProxyManagerUiTest(String name) {
        super(name);
        waitNoEvent = false; // the list refreshes every second
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(ProxyManagerUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testAddedClipGetsItsProxyAndStripThenIsDeleted", "testOptionsPanelSavesTheSizeLimit")
                .suite();
    }

    private static ProxyService service() {
        ProxyService s = Lookup.getDefault().lookup(ProxyService.class);
        assertNotNull("the proxy module provides ProxyService", s);
        return s;
    }

    public void testAddedClipGetsItsProxyAndStripThenIsDeleted() throws Exception {
        Path clip = clip(getWorkDir().toPath().resolve("interview.mp4"));
        TopComponentOperator tc = Menus.openWindow("Proxy Manager");
        new JButtonOperator(tc, "Add Files...").pushNoBlock();
        JFileChooserOperator chooser = new JFileChooserOperator();
        chooser.setSelectedFile(clip.toFile());
        chooser.approve();

        JTableOperator table = new JTableOperator(tc, new NameComponentChooser("proxyMedia"));
        await(() -> row(table, "interview.mp4") >= 0, "the clip in the media list");
        await(() -> cell(table, "interview.mp4", 1), "640x360 h264.*", "its video described");
        // added media get a background job at once, which waits for a calm machine: Generate starts it now
        await(() -> cell(table, "interview.mp4", HALF), "queued|running|\\d+ %|ready.*", "its background job");
        table.selectCell(row(table, "interview.mp4"), 0);
        new JButtonOperator(tc, "Generate").push();
        await(() -> cell(table, "interview.mp4", HALF), "ready, [0-9.]+ MB", "its Half proxy");
        await(() -> cell(table, "interview.mp4", 2), "skipped", "Quarter skipped for a 640 px source");
        Path proxy = service().proxyForPlayback(clip, 320).orElseThrow().path();
        assertTrue(proxy + " exists", Files.isRegularFile(proxy));
        assertTrue("the proxy is in the workbench's store", proxy.startsWith(service().config().settings().store()));

        JLabelOperator strip = new JLabelOperator(tc, new NameComponentChooser("thumbnailStatus"));
        await(strip::getText, "8 thumbnails in \\d+ ms", "the thumbnail strip");

        new JButtonOperator(tc, "Delete Proxies").push();
        await(() -> cell(table, "interview.mp4", HALF), "none", "the proxy deleted");
        assertFalse(proxy + " is gone", Files.exists(proxy));

        JCheckBoxOperator use = new JCheckBoxOperator(tc, "Use proxies");
        assertTrue("proxies are used by default", use.isSelected());
        use.push();
        await(() -> !service().config().useProxies(), "the switch to turn proxies off");
        use.push();
        await(() -> service().config().useProxies(), "the switch to turn proxies on again");
    }

    public void testOptionsPanelSavesTheSizeLimit() {
        OptionsOperator options = OptionsOperator.invoke();
        options.selectCategory("Performance");
        new org.netbeans.jemmy.operators.JTabbedPaneOperator(options).selectPage("Proxies");
        JSpinnerOperator limit = new JSpinnerOperator(options, new NameComponentChooser("maxCacheSize"));
        limit.setValue(7.0);
        options.btOK().push();
        await(() -> service().config().maxCacheSizeBytes() == 7L << 30, "the size limit to be saved as 7 GiB, saw "
                + service().config().maxCacheSizeBytes());
        assertEquals("the other settings are kept", ProxyConfig.defaults(service().config().settings().store())
                .settings().resolutions(), service().config().settings().resolutions());
    }

    /** A 2 s 640x360 clip with sound, made with the system's ffmpeg (CI installs it). */
    private static Path clip(Path out) throws IOException, InterruptedException {
        List<String> cmd = List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=640x360:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(out + ".log")).start();
        assertTrue("ffmpeg made the test clip", p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
        return out;
    }

    private static String cell(JTableOperator table, String source, int column) {
        int r = row(table, source);
        return r < 0 ? null : String.valueOf(table.getValueAt(r, column));
    }

    private static int row(JTableOperator table, String source) {
        for (int i = 0; i < table.getRowCount(); i++) {
            if (source.equals(table.getValueAt(i, 0))) {
                return i;
            }
        }
        return -1;
    }
}
