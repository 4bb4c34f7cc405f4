package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.util.logging.Level;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jellytools.actions.Action;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JComboBoxOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.operators.JTextFieldOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;

/** The Cache Viewer and Memory Manager windows in the assembled application, opened from the Window menu. */
public class CacheAndMemoryWindowsUiTest extends JellyTestCase {

    public CacheAndMemoryWindowsUiTest(String name) {
        super(name);
        waitNoEvent = false; // both windows refresh every second
    }

    public static Test suite() {
        // a directory of its own: the platform of an earlier UI test in this JVM may still hold the default one
        String base = System.getProperty("tsperf.cache.dir", "target/functional-cache");
        System.setProperty("tsperf.cache.dir", base + "/windows-test");
        return NbModuleSuite.createConfiguration(CacheAndMemoryWindowsUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testCacheViewerShowsEveryLevelAndClears", "testMemoryManagerShowsProfilePoolsAndFrees")
                .suite();
    }

    public void testCacheViewerShowsEveryLevelAndClears() {
        new Action("Window|Cache Viewer", null).perform();
        TopComponentOperator viewer = new TopComponentOperator("Cache Viewer");
        JTableOperator levels = new JTableOperator(viewer, new NameComponentChooser("levelsTable"));
        await(() -> String.valueOf(levels.getRowCount()), "3", "three levels");
        assertEquals("L1", String.valueOf(levels.getValueAt(0, 0)));
        assertEquals("RAM", String.valueOf(levels.getValueAt(0, 1)));
        String l2 = String.valueOf(levels.getValueAt(1, 1));
        assertTrue(l2, l2.endsWith("functional-cache/windows-test/l2"));
        String size = String.valueOf(levels.getValueAt(1, 3));
        assertTrue(size, size.matches("\\d+\\.\\d (KiB|MiB) / 8\\.00 GiB"));
        new JTextFieldOperator(viewer, new NameComponentChooser("entriesFilter")).setText("frame");
        new JComboBoxOperator(viewer, new NameComponentChooser("levelChoice")).selectItem("L2");
        new JButtonOperator(viewer, new NameComponentChooser("clearLevel")).push();
        JLabelOperator status = new JLabelOperator(viewer, new NameComponentChooser("status"));
        await(status::getText, "Cleared \\d+ entries from L2", "the clear summary");
        new JComboBoxOperator(viewer, new NameComponentChooser("typeChoice")).selectItem("THUMBNAIL");
        new JButtonOperator(viewer, new NameComponentChooser("clearType")).push();
        await(status::getText, "Cleared \\d+ thumbnail entries", "the clear-by-type summary");
        viewer.close();
    }

    public void testMemoryManagerShowsProfilePoolsAndFrees() {
        new Action("Window|Memory Manager", null).perform();
        TopComponentOperator window = new TopComponentOperator("Memory Manager");
        JLabelOperator profile = new JLabelOperator(window, new NameComponentChooser("profileValue"));
        await(profile::getText, "Profile: \\d+ GB machine \\(heap .*\\)", "the profile");
        JLabelOperator pressure = new JLabelOperator(window, new NameComponentChooser("pressureValue"));
        await(pressure::getText, "Pressure: (normal|elevated|high|critical) .*", "the pressure level");
        new JTableOperator(window, new NameComponentChooser("poolsTable"));
        new JButtonOperator(window, new NameComponentChooser("freeUnused")).push();
        await(new JLabelOperator(window, new NameComponentChooser("status"))::getText, "Freed \\d+\\.\\d (KiB|MiB|GiB)",
                "the free summary");
        window.close();
    }
}
