package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.ComponentOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JComboBoxOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.operators.JTextFieldOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.MultiLevelCache;

/** The Cache Viewer and Memory Manager windows in the assembled application, opened from the Window menu. */
public class CacheAndMemoryWindowsUiTest extends JellyTestCase {

    public CacheAndMemoryWindowsUiTest(String name) {
        super(name);
        waitNoEvent = false; // both windows refresh every second
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
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
                .addTest("testCacheViewerShowsEveryLevelAndClears", "testCacheViewerChartsEachLevelAndFiltersEntries",
                        "testMemoryManagerShowsProfilePoolsAndFrees")
                .suite();
    }

    public void testCacheViewerShowsEveryLevelAndClears() {
        TopComponentOperator viewer = Menus.openWindow("Cache Viewer");
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

    public void testCacheViewerChartsEachLevelAndFiltersEntries() throws Exception {
        MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
        assertNotNull("the cache module provides MultiLevelCache", cache);
        for (int i = 0; i < 3; i++) {
            cache.put(CacheKey.frame("uitest-clip", i * 40_000L, 64, 36, "none"), new byte[64 * 36 * 4]);
        }
        for (int i = 0; i < 2; i++) {
            cache.put(CacheKey.thumbnail("uitest-clip", i * 1_000_000L, 160), new byte[1000]);
        }
        TopComponentOperator viewer = Menus.openWindow("Cache Viewer");
        JTableOperator entries = new JTableOperator(viewer, new NameComponentChooser("entriesTable"));
        JComboBoxOperator types = new JComboBoxOperator(viewer, new NameComponentChooser("entriesTypeFilter"));
        JTextFieldOperator keys = new JTextFieldOperator(viewer, new NameComponentChooser("entriesFilter"));
        types.selectItem("all types");
        keys.setText("uitest-clip");
        await(() -> rows(entries, null) >= 5, "the five test entries in the table");
        int all = entries.getRowCount();

        types.selectItem("thumbnail");
        await(() -> entries.getRowCount() < all, "the type filter to narrow the table");
        assertTrue("only thumbnails shown", rows(entries, "thumbnail") == entries.getRowCount());
        assertTrue("both test thumbnails shown", entries.getRowCount() >= 2);
        types.selectItem("all types");
        keys.setText("uitest-clip@40000/");
        await(() -> entries.getRowCount() >= 1 && entries.getRowCount() < all, "the key filter to narrow the table");
        assertEquals("only the frame at 40 ms", entries.getRowCount(), rows(entries, "frame"));

        // a request now gives each level it reached a point: L1 serves the frame, L1 and L2 (and L3) miss the other
        cache.get(CacheKey.frame("uitest-clip", 0, 64, 36, "none"));
        cache.get(CacheKey.frame("uitest-clip", 999_000L, 64, 36, "none"));
        ComponentOperator chart = new ComponentOperator(viewer, new NameComponentChooser("hitRateChart"));
        await(() -> String.join(",", seriesWithPoints(chart.getSource())).contains("L1"), "a hit-rate point for L1");
        List<String> series = seriesNames(chart.getSource());
        assertEquals(List.of("all levels", "L1", "L2", "L3"), series);
        assertTrue(seriesWithPoints(chart.getSource()).containsAll(List.of("all levels", "L1", "L2")));
        keys.setText("");
        viewer.close();
    }

    /** Rows shown whose type column is {@code type} (any type when null). */
    private static int rows(JTableOperator table, String type) {
        int n = 0;
        for (int r = 0; r < table.getRowCount(); r++) {
            if (type == null || type.equals(String.valueOf(table.getValueAt(r, 1)))) {
                n++;
            }
        }
        return n;
    }

    // The chart's classes live in the JFreeChart wrapper module's class loader: read its public API reflectively.
    private static Object dataset(Component chartPanel) throws ReflectiveOperationException {
        Object chart = chartPanel.getClass().getMethod("getChart").invoke(chartPanel);
        Object plot = chart.getClass().getMethod("getXYPlot").invoke(chart);
        return plot.getClass().getMethod("getDataset").invoke(plot);
    }

    private static List<String> seriesNames(Component chartPanel) throws ReflectiveOperationException {
        Object data = dataset(chartPanel);
        int count = (Integer) data.getClass().getMethod("getSeriesCount").invoke(data);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.valueOf(data.getClass().getMethod("getSeriesKey", int.class).invoke(data, i)));
        }
        return names;
    }

    private static List<String> seriesWithPoints(Component chartPanel) {
        try {
            Object data = dataset(chartPanel);
            List<String> names = seriesNames(chartPanel);
            List<String> withPoints = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if ((Integer) data.getClass().getMethod("getItemCount", int.class).invoke(data, i) > 0) {
                    withPoints.add(names.get(i));
                }
            }
            return withPoints;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the hit-rate chart", e);
        }
    }

    public void testMemoryManagerShowsProfilePoolsAndFrees() {
        TopComponentOperator window = Menus.openWindow("Memory Manager");
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
