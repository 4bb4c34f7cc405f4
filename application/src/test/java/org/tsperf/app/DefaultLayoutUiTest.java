package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableColumn;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.MainWindowOperator;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.junit.NbModuleSuite;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * Every product window opened in its default place of a fresh workbench whose main window is 1280x800: its key
 * controls (charts, tables with their header and rows, buttons, fields, bars, labels) are showing, whole (no button
 * or column header cut short, nothing outside what the window shows) and at least as large as they need to be read;
 * no window needs to scroll there. And a window docked in the short bottom dock keeps its readable size and scrolls
 * instead of squashing. With -Dtsperf.screenshot=DIR each window is saved as DIR/layout-NAME.png.
 */
public class DefaultLayoutUiTest extends JellyTestCase {

    /** The smallest chart that is still read: axes, legend and some plot. */
    private static final Dimension CHART = new Dimension(300, 120);

    public DefaultLayoutUiTest(String name) {
        super(name);
        waitNoEvent = false; // live windows repaint every second
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        // a cache directory of its own: the platform of an earlier UI test may still hold the default one
        String base = System.getProperty("tsperf.cache.dir", "target/functional-cache");
        System.setProperty("tsperf.cache.dir", base + "/layout-test");
        return NbModuleSuite.createConfiguration(DefaultLayoutUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testViewerAndMonitorOpenAtStartReadable", "testProxyManagerReadable",
                        "testBackgroundTasksReadable", "testCacheViewerReadable", "testMemoryManagerReadable",
                        "testGpuSchedulerReadable", "testTimelineReadable")
                // testAWindowInTheShortBottomDockScrollsInsteadOfSquashing is off: the platform's "output" mode (the
                // bottom dock) left with the Output window's module; it comes back with a bottom mode of the product
                .suite();
    }

    // ---- what each window must show ------------------------------------------------------------------------------

    private enum Kind {
        /** a chart: whole and at least {@link #CHART} */
        CHART,
        /** a button, toggle, check box or combo: whole and at least its preferred width (no "Gene...") */
        CONTROL,
        /** a text field: whole and at least 100 pixels wide */
        FIELD,
        /** a progress bar: whole and at least 150 pixels wide */
        BAR,
        /** a label whose whole text shows */
        TEXT,
        /** a label or area that shows, whole, though a long text may be cut (its tooltip has it) */
        VISIBLE,
        /** a table: its scroll pane and header whole, every column at least its header's width, rows to see */
        TABLE
    }

    /**
     * @param name    the component's name, or "text:..." for a button found by its text
     * @param rows    for tables: how many rows the table must be able to show without scrolling
     */
    private record Control(String name, Kind kind, int rows) {

        static Control of(String name, Kind kind) {
            return new Control(name, kind, 0);
        }

        static Control table(String name, int rows) {
            return new Control(name, Kind.TABLE, rows);
        }
    }

    public void testViewerAndMonitorOpenAtStartReadable() throws Exception {
        mainWindowAt(1280, 800);
        TopComponent viewer = select("Viewer");
        checkReadable(viewer, List.of(Control.of("scrubBar", Kind.VISIBLE), Control.of("timecode", Kind.TEXT),
                Control.of("playPause", Kind.CONTROL), Control.of("home", Kind.CONTROL), Control.of("end", Kind.CONTROL),
                Control.of("markIn", Kind.CONTROL), Control.of("markOut", Kind.CONTROL),
                Control.of("loop", Kind.CONTROL), Control.of("overlay", Kind.CONTROL)));
        assertPictureRoom(viewer);
        screenshot("viewer");
        TopComponent monitor = select("Performance Monitor");
        checkReadable(monitor, List.of(Control.of("cpuBar", Kind.BAR), Control.of("ramBar", Kind.BAR),
                Control.of("gpuBar", Kind.BAR), Control.of("diskBar", Kind.BAR), Control.of("cpuChart", Kind.CHART),
                Control.of("memoryChart", Kind.CHART), Control.of("playbackValue", Kind.VISIBLE),
                Control.of("tasksValue", Kind.VISIBLE), Control.of("optimizeNow", Kind.CONTROL),
                Control.of("clearCache", Kind.CONTROL), Control.of("generateProxies", Kind.CONTROL),
                Control.of("gpuBenchmark", Kind.CONTROL)));
        screenshot("performance-monitor");
    }

    public void testProxyManagerReadable() throws Exception {
        TopComponent tc = open("Proxy Manager");
        checkReadable(tc, List.of(Control.of("text:Add Files...", Kind.CONTROL),
                Control.of("text:Add Folder...", Kind.CONTROL), Control.of("text:Generate", Kind.CONTROL),
                Control.of("text:Delete Proxies", Kind.CONTROL), Control.of("text:Open in Viewer", Kind.CONTROL),
                Control.of("text:Clean Up", Kind.CONTROL), Control.of("text:Use proxies", Kind.CONTROL),
                Control.table("proxyMedia", 4), Control.of("thumbnailStrip", Kind.VISIBLE),
                Control.of("proxyDetails", Kind.VISIBLE)));
        screenshot("proxy-manager");
    }

    public void testBackgroundTasksReadable() throws Exception {
        TopComponent tc = open("Background Tasks");
        checkReadable(tc, List.of(Control.of("pauseToggle", Kind.CONTROL), Control.of("runNow", Kind.CONTROL),
                Control.of("cancelTask", Kind.CONTROL), Control.of("tasksSummary", Kind.TEXT),
                Control.table("queuesTable", 4), Control.table("activeTable", 4), Control.table("historyTable", 4)));
        screenshot("background-tasks");
    }

    public void testCacheViewerReadable() throws Exception {
        TopComponent tc = open("Cache Viewer");
        checkReadable(tc, List.of(Control.table("levelsTable", 3), Control.of("hitRateChart", Kind.CHART),
                Control.of("entriesFilter", Kind.FIELD), Control.of("entriesTypeFilter", Kind.CONTROL),
                Control.of("levelChoice", Kind.CONTROL), Control.of("clearLevel", Kind.CONTROL),
                Control.of("typeChoice", Kind.CONTROL), Control.of("clearType", Kind.CONTROL),
                Control.table("entriesTable", 5)));
        screenshot("cache-viewer");
    }

    public void testMemoryManagerReadable() throws Exception {
        TopComponent tc = open("Memory Manager");
        await(() -> text(tc, "profileValue"), "Profile: .*", "the memory figures");
        checkReadable(tc, List.of(Control.of("profileValue", Kind.TEXT), Control.of("pressureValue", Kind.TEXT),
                Control.of("budgetsValue", Kind.TEXT), Control.of("prioritiesValue", Kind.TEXT),
                Control.of("freeUnused", Kind.CONTROL), Control.table("poolsTable", 4),
                Control.of("pressureChart", Kind.CHART)));
        screenshot("memory-manager");
    }

    public void testTimelineReadable() throws Exception {
        TopComponent tc = open("Timeline");
        await(() -> text(tc, "status"), "Drop media files here.*", "the empty timeline's hint");
        checkReadable(tc, List.of(Control.of("timelineView", Kind.VISIBLE), Control.of("status", Kind.TEXT)));
        screenshot("timeline");
    }

    public void testGpuSchedulerReadable() throws Exception {
        TopComponent tc = open("GPU Scheduler");
        await(() -> text(tc, "gpu.path"), "Frame operations: (VULKAN|CPU) \\(.*", "the path frame operations take");
        checkReadable(tc, List.of(Control.of("gpu.deviceChoice", Kind.CONTROL), Control.of("gpu.path", Kind.TEXT),
                Control.of("gpu.devices", Kind.VISIBLE), Control.of("gpu.memory", Kind.VISIBLE),
                Control.of("gpu.utilisation", Kind.TEXT), Control.of("gpu.batches", Kind.TEXT),
                Control.of("gpu.pipelineCache", Kind.VISIBLE), Control.table("gpu.queues", 3),
                Control.of("gpu.benchmark", Kind.CONTROL), Control.table("gpu.benchmarkResults", 4)));
        screenshot("gpu-scheduler");
    }

    /** A layout saved before this one, or the user's own, may put a window in the short bottom dock. */
    public void testAWindowInTheShortBottomDockScrollsInsteadOfSquashing() throws Exception {
        TopComponent tc = open("Background Tasks");
        run(() -> WindowManager.getDefault().findMode("output").dockInto(tc));
        run(() -> {
            tc.open();
            tc.requestActive();
        });
        await(() -> onEdt(() -> {
            JScrollPane scroll = (JScrollPane) find(tc, "fitOrScroll");
            if (scroll == null || !tc.isShowing()) {
                return "not showing yet";
            }
            int view = scroll.getViewport().getView().getHeight();
            int shown = scroll.getViewport().getHeight();
            if (shown >= 380) {
                return "the bottom dock is not short: " + shown + " px";
            }
            return view >= 380 && scroll.getVerticalScrollBar().isShowing() ? "ok"
                    : "content " + view + " px high in a viewport of " + shown + " px, scroll bar "
                    + scroll.getVerticalScrollBar().isShowing();
        }), "ok", "the content to keep its readable height and scroll in the short dock");
        screenshot("background-tasks-short-dock");
        run(() -> WindowManager.getDefault().findMode("editor").dockInto(tc));
        run(() -> tc.close());
    }

    // ---- the checks ----------------------------------------------------------------------------------------------

    private static void mainWindowAt(int width, int height) throws Exception {
        Frame main = (Frame) MainWindowOperator.getDefault().getSource();
        run(() -> {
            main.setExtendedState(Frame.NORMAL);
            main.setBounds(0, 0, width, height);
            main.validate();
        });
        await(() -> onEdt(() -> main.getWidth() + "x" + main.getHeight()), width + "x" + height,
                "the main window at " + width + "x" + height);
    }

    /** Opens a window from the Window menu, as a user does: it goes where the layout puts it. */
    private static TopComponent open(String title) throws Exception {
        mainWindowAt(1280, 800);
        Menus.openWindow(title);
        return select(title);
    }

    private static TopComponent select(String title) throws Exception {
        TopComponent tc = (TopComponent) new TopComponentOperator(title).getSource();
        run(tc::requestActive);
        String mode = onEdt(() -> {
            Mode m = WindowManager.getDefault().findMode(tc);
            return m == null ? "none" : m.getName();
        });
        assertEquals(title + " opens in the editor area, where it has room", "editor", mode);
        return tc;
    }

    private static void checkReadable(TopComponent tc, List<Control> controls) {
        await(() -> onEdt(() -> problems(tc, controls)), "ok", "every control of " + tc.getName()
                + " showing whole at 1280x800");
    }

    /** "ok", or what is wrong. Event thread. */
    private static String problems(TopComponent tc, List<Control> controls) {
        if (!tc.isShowing()) {
            return tc.getName() + " is not showing";
        }
        List<String> out = new ArrayList<>();
        Rectangle main = SwingUtilities.getWindowAncestor(tc).getBounds();
        Component fit = find(tc, "fitOrScroll");
        if (fit instanceof JScrollPane scroll && (scroll.getVerticalScrollBar().isShowing()
                || scroll.getHorizontalScrollBar().isShowing())) {
            out.add("the window needs to scroll: " + scroll.getViewport().getSize() + " for its content "
                    + scroll.getViewport().getView().getSize());
        }
        for (Control c : controls) {
            Component comp = find(tc, c.name());
            if (comp == null) {
                out.add(c.name() + " missing");
                continue;
            }
            String p = problem(c, comp, main);
            if (p != null) {
                out.add(c.name() + ": " + p);
            }
        }
        return out.isEmpty() ? "ok" : String.join("; ", out);
    }

    private static String problem(Control c, Component comp, Rectangle mainWindow) {
        if (!comp.isShowing()) {
            return "not showing";
        }
        Component whole = comp;
        if (c.kind() == Kind.TABLE) {
            whole = SwingUtilities.getAncestorOfClass(JScrollPane.class, comp);
            if (whole == null) {
                return "not in a scroll pane";
            }
        }
        String cut = cutOff(whole, mainWindow);
        if (cut != null) {
            return cut;
        }
        Dimension size = comp.getSize();
        Dimension preferred = comp.getPreferredSize();
        switch (c.kind()) {
            case CHART:
                return size.width >= CHART.width && size.height >= CHART.height ? null
                        : "a chart of " + size.width + "x" + size.height + ", less than " + CHART.width + "x"
                        + CHART.height;
            case CONTROL:
                if (!(comp instanceof AbstractButton) && !(comp instanceof JComboBox)) {
                    return "not a button or combo";
                }
                return size.width >= preferred.width && size.height >= preferred.height - 2 ? null
                        : size.width + "x" + size.height + " of the " + preferred.width + "x" + preferred.height
                        + " it needs (text cut short)";
            case FIELD:
                return comp instanceof JTextField && size.width >= 100 ? null : "a field " + size.width + " wide";
            case BAR:
                return comp instanceof JProgressBar && size.width >= 150 ? null : "a bar " + size.width + " wide";
            case TEXT:
                return wholeText(comp) ? null : "text cut short: " + ((JLabel) comp).getText();
            case VISIBLE:
                return size.width > 0 && size.height > 0 ? null : "no size";
            case TABLE:
                return tableProblem((JTable) comp, c.rows());
            default:
                return "unknown kind";
        }
    }

    /** Whether the component lies whole within what its window shows, and within the main window. */
    private static String cutOff(Component comp, Rectangle mainWindow) {
        Rectangle visible = ((JComponent) comp).getVisibleRect();
        if (visible.width < comp.getWidth() || visible.height < comp.getHeight()) {
            return "cut off: " + visible.width + "x" + visible.height + " of " + comp.getWidth() + "x"
                    + comp.getHeight() + " shows";
        }
        Rectangle onScreen = new Rectangle(comp.getLocationOnScreen(), comp.getSize());
        return mainWindow.contains(onScreen) ? null : "outside the main window: " + onScreen;
    }

    private static boolean wholeText(Component comp) {
        if (!(comp instanceof JLabel l) || l.getText() == null) {
            return false;
        }
        java.awt.Insets in = l.getInsets();
        return l.getFontMetrics(l.getFont()).stringWidth(l.getText()) + in.left + in.right <= l.getWidth();
    }

    private static String tableProblem(JTable table, int rows) {
        JTableHeader header = table.getTableHeader();
        if (header == null || !header.isShowing()) {
            return "no header showing";
        }
        // the header is as wide as the columns' preferred widths; what shows of it is its viewport
        String cut = cutOff(header.getParent(), SwingUtilities.getWindowAncestor(table).getBounds());
        if (cut != null) {
            return "header " + cut;
        }
        int viewport = table.getParent().getHeight();
        if (viewport < rows * table.getRowHeight()) {
            return "room for " + viewport / table.getRowHeight() + " rows, fewer than " + rows;
        }
        List<String> narrow = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            TableColumn col = table.getColumnModel().getColumn(i);
            Component h = (col.getHeaderRenderer() != null ? col.getHeaderRenderer() : header.getDefaultRenderer())
                    .getTableCellRendererComponent(table, col.getHeaderValue(), false, false, -1, i);
            if (col.getWidth() < h.getPreferredSize().width - 2) {
                narrow.add(col.getHeaderValue() + " (" + col.getWidth() + " of " + h.getPreferredSize().width + ")");
            }
        }
        return narrow.isEmpty() ? null : "columns cut short: " + narrow;
    }

    /** The picture of the Viewer: most of the window. */
    private static void assertPictureRoom(TopComponent viewer) throws Exception {
        Dimension picture = onEdt(() -> {
            Component view = findByClassName(viewer, "PictureView");
            return view == null ? new Dimension() : view.getSize();
        });
        assertTrue("the Viewer's picture is " + picture, picture.width >= 640 && picture.height >= 360);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Component find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.startsWith("text:") ? c instanceof AbstractButton b && name.substring(5).equals(b.getText())
                    : name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container k) {
                Component inside = find(k, name);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    private static Component findByClassName(Container root, String simpleName) {
        for (Component c : root.getComponents()) {
            if (c.getClass().getSimpleName().equals(simpleName)) {
                return c;
            }
            if (c instanceof Container k) {
                Component inside = findByClassName(k, simpleName);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    private static String text(TopComponent tc, String name) {
        return onEdt(() -> find(tc, name) instanceof JLabel l ? l.getText() : null);
    }

    private static <T> T onEdt(Supplier<T> what) {
        Object[] result = new Object[1];
        try {
            SwingUtilities.invokeAndWait(() -> result[0] = what.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static void run(Runnable what) {
        onEdt(() -> {
            what.run();
            return null;
        });
    }

    /** With -Dtsperf.screenshot=DIR the main window is saved as DIR/layout-NAME.png. */
    private static void screenshot(String name) throws Exception {
        String dir = System.getProperty("tsperf.screenshot", "");
        if (dir.isEmpty() || !new File(dir).isDirectory()) {
            return;
        }
        Rectangle bounds = onEdt(() -> MainWindowOperator.getDefault().getSource().getBounds());
        BufferedImage image = new Robot().createScreenCapture(bounds);
        ImageIO.write(image, "png", new File(dir, "layout-" + name + ".png"));
    }
}
