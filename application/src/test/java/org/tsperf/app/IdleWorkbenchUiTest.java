package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JFileChooserOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheEntryInfo;
import org.tsperf.api.cache.EntryType;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.tasks.TaskService;

/**
 * The Proxy Manager's thumbnail strip and the idle workbench, at 1280x800: a real clip added through the file dialog
 * and selected shows its strip (painted pictures, whole, without a scroll bar) within seconds, without the window
 * being resized; then, with every window of the product open and nothing to do, no window asks the cache or the
 * task system for anything (a count, not a timing: it cannot flake on a loaded machine).
 */
public class IdleWorkbenchUiTest extends JellyTestCase {

    /** Selecting a clip to its strip painted, a cold start included (decoder, GPU path): seconds, on 2 busy cores. */
    private static final long STRIP_DEADLINE_MILLIS = 15_000;
    private static final int IDLE_SECONDS = 10;
    private static final String CLIP = "car-detection.mp4";

    public IdleWorkbenchUiTest(String name) {
        super(name);
        waitNoEvent = false; // live windows repaint
    }

    /** Each test fails when the event thread stalls over 200 ms or MapDB is opened on it ({@link EventThreadGuard}). */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() throws IOException {
        // a cache of its own, emptied: the strip must be made by its task, not found from an earlier run
        Path cache = Path.of(System.getProperty("tsperf.cache.dir", "target/functional-cache"), "idle-test");
        removeTree(cache);
        System.setProperty("tsperf.cache.dir", cache.toString());
        return NbModuleSuite.createConfiguration(IdleWorkbenchUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testSelectedClipShowsItsStripWithoutAResize", "testIdleWorkbenchAsksNothingOfCacheOrTasks")
                .suite();
    }

    public void testSelectedClipShowsItsStripWithoutAResize() {
        Path clip = ProductWindows.realClip(CLIP);
        TopComponentOperator tc = Menus.openWindow("Proxy Manager");
        new JButtonOperator(tc, "Add Files...").pushNoBlock();
        JFileChooserOperator chooser = new JFileChooserOperator();
        chooser.setSelectedFile(clip.toFile());
        chooser.approve();
        JTableOperator table = new JTableOperator(tc, new NameComponentChooser("proxyMedia"));
        await(() -> ProductWindows.row(table, CLIP) >= 0, "the clip in the media list");
        java.awt.Dimension size = tc.getSize();

        long selected = System.nanoTime();
        table.selectCell(ProductWindows.row(table, CLIP), 0);
        JLabelOperator status = new JLabelOperator(tc, new NameComponentChooser("thumbnailStatus"));
        Container strip = (Container) tc.findSubComponent(new NameComponentChooser("thumbnailStrip"));
        String[] last = new String[1];
        long deadline = selected + TimeUnit.MILLISECONDS.toNanos(STRIP_DEADLINE_MILLIS);
        while (true) {
            last[0] = onEventThread(() -> stripProblem(strip));
            if (last[0] == null) {
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("the strip was not shown within " + STRIP_DEADLINE_MILLIS + " ms of selecting the clip: "
                        + last[0] + " (status: " + status.getText() + ")");
            }
            sleepBriefly();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - selected);
        System.out.println("strip painted " + millis + " ms after selecting " + CLIP + "; " + status.getText());
        assertTrue(status.getText(), status.getText().matches("8 thumbnails in \\d+ ms"));
        assertEquals("the window was not resized", size, tc.getSize());
    }

    public void testIdleWorkbenchAsksNothingOfCacheOrTasks() throws Exception {
        TopComponentOperator manager = ProductWindows.openEveryWindow();
        ProductWindows.addMakeSelectAndOpen(manager, ProductWindows.realClip(CLIP));
        Container strip = (Container) manager.findSubComponent(new NameComponentChooser("thumbnailStrip"));
        List<Component> shown = onEventThread(() -> List.of(strip.getComponents()));
        MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        long requests = IdleCpuBench.requests(cache);
        long modifications = cache.modifications();
        long thumbnailHits = thumbnailHits(cache);
        int taskCount = tasks.tasks().size();

        TimeUnit.SECONDS.sleep(IDLE_SECONDS); // the observation itself: the workbench is left alone

        assertEquals("cache requests (hits and misses) while idle", requests, IdleCpuBench.requests(cache));
        assertEquals("thumbnail entries' hit counts while idle", thumbnailHits, thumbnailHits(cache));
        assertEquals("cache changes while idle", modifications, cache.modifications());
        assertEquals("tasks submitted while idle: " + tasks.tasks(), taskCount, tasks.tasks().size());
        assertEquals("the strip was not made again while idle", shown, onEventThread(() -> List.of(
                strip.getComponents())));
    }

    /** Why the strip does not show its pictures whole now, or null when it does (event thread). */
    private static String stripProblem(Container strip) {
        List<JComponent> cells = new ArrayList<>();
        for (Component c : strip.getComponents()) {
            if ("thumbnail".equals(c.getName())) {
                cells.add((JComponent) c);
            }
        }
        if (cells.isEmpty()) {
            return "no thumbnails in the strip";
        }
        if (SwingUtilities.getAncestorOfClass(JScrollPane.class, strip) != null) {
            return "the strip is in a scroll pane";
        }
        for (JComponent cell : cells) {
            if (!cell.isShowing() || cell.getWidth() < 32 || cell.getHeight() < 18) {
                return "a thumbnail is not showing at a visible size: " + cell.getBounds();
            }
            Rectangle visible = cell.getVisibleRect();
            if (visible.width != cell.getWidth() || visible.height != cell.getHeight()) {
                return "a thumbnail is cut: " + visible + " of " + cell.getBounds() + "; widths up the hierarchy: "
                        + widths(cell);
            }
            if (!paintsAPicture(cell)) {
                return "a thumbnail paints no picture";
            }
        }
        return null;
    }

    /** Each ancestor's class, width and minimum width, up to the window. */
    private static String widths(Component c) {
        StringBuilder b = new StringBuilder();
        for (Component p = c; p != null; p = p.getParent()) {
            b.append(p.getClass().getSimpleName()).append(' ').append(p.getWidth()).append(" (min ")
                    .append(p.getMinimumSize().width).append(", pref ").append(p.getPreferredSize().width)
                    .append("); ");
        }
        return b.toString();
    }

    /** Whether the component paints something with detail: many distinct colours, not a flat or empty area. */
    private static boolean paintsAPicture(JComponent c) {
        BufferedImage image = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            c.paint(g);
        } finally {
            g.dispose();
        }
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size() > 50;
    }

    private static long thumbnailHits(MultiLevelCache cache) {
        return cache.entries(10_000).stream().filter(e -> e.key().type() == EntryType.THUMBNAIL)
                .mapToLong(CacheEntryInfo::hits).sum();
    }

    private static <T> T onEventThread(java.util.concurrent.Callable<T> what) {
        Object[] result = new Object[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result[0] = what.call();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
        } catch (Exception ex) {
            throw new AssertionError("could not look at the window", ex);
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private static void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
