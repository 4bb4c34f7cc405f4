package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Component;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.Transferable;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JButtonOperator;
import org.netbeans.jemmy.operators.JComponentOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JPopupMenuOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.util.Lookup;
import org.openide.windows.TopComponent;
import org.tsperf.api.proxy.ProxyMediaList;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewRenderService.ChunkState;
import org.tsperf.api.timeline.PreviewState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;

/**
 * The editor's way through the real workbench: two clips dragged from the Proxy Manager's list onto the Timeline, a
 * cross-fade between them from the context menu, then nothing touched: the idle delay passes, the chunks under the
 * cross-fade are rendered in the background and the bar above the ruler turns from red to green; the timeline then
 * plays in the Viewer.
 */
public class TimelinePreviewUiTest extends JellyTestCase {

    /** Where the view paints the first track's clips (its bar, ruler and row heights). */
    private static final int FIRST_ROW_MIDDLE = 8 + 22 + 23;
    /** The track names' margin. */
    private static final int HEADER = 56;
    private static final int GREEN = 0x3fa34d;
    private static final int RED = 0xc8453c;

    public TimelinePreviewUiTest(String name) {
        super(name);
        waitNoEvent = false; // the Viewer repaints while playing
    }

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(TimelinePreviewUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testClipsFromTheProxyManagerRenderInTheBackgroundAndPlay")
                .suite();
    }

    public void testClipsFromTheProxyManagerRenderInTheBackgroundAndPlay() throws Exception {
        Path dir = getWorkDir().toPath();
        Path first = ViewerUiTest.clip(dir.resolve("first.mp4"));
        Path second = ViewerUiTest.clip(dir.resolve("second.mp4"));
        Lookup.getDefault().lookup(ProxyMediaList.class).addMedia(List.of(first, second)).get(60, TimeUnit.SECONDS);

        TopComponentOperator manager = Menus.openWindow("Proxy Manager");
        JTableOperator table = new JTableOperator(manager, new NameComponentChooser("proxyMedia"));
        await(() -> ProductWindows.row(table, "first.mp4") >= 0 && ProductWindows.row(table, "second.mp4") >= 0,
                "both clips in the Proxy Manager's list");
        int a = ProductWindows.row(table, "first.mp4");
        int b = ProductWindows.row(table, "second.mp4");
        SwingUtilities.invokeAndWait(() -> {
            table.getSelectionModel().setSelectionInterval(Math.min(a, b), Math.max(a, b));
        });

        TopComponentOperator timeline = Menus.openWindow("Timeline");
        TimelineDocument doc = ((TopComponent) timeline.getSource()).getLookup().lookup(TimelineDocument.class);
        assertNotNull("the Timeline's document is in its Lookup", doc);
        JComponentOperator view = new JComponentOperator(timeline, new NameComponentChooser("timelineView"));
        dragAndDrop((JTable) table.getSource(), view.getSource());
        await(() -> clips(doc) == 2, "both dragged sources to become clips");
        Project p = doc.project();
        List<Path> sources = p.track("V1").orElseThrow().clips().stream().map(Clip::source).toList();
        assertTrue("the two selected sources: " + sources, sources.size() == 2 && sources.containsAll(List.of(first,
                second)));

        view.clickForPopup(HEADER + 10, FIRST_ROW_MIDDLE);
        new JPopupMenuOperator().pushMenu("Add Cross-fade to Next Clip");
        await(() -> !doc.project().track("V1").orElseThrow().transitions().isEmpty(), "the cross-fade to be added");

        // hands off: after the idle delay the chunks the cross-fade touches are rendered in the background
        PreviewRenderService previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        assertNotNull("the render module provides PreviewRenderService", previews);
        await(() -> previews.states().stream().anyMatch(s -> s.state() != PreviewState.NOT_NEEDED),
                "the cross-fade's chunks to need rendering: " + previews.states());
        long waitStart = System.currentTimeMillis();
        awaitLong(() -> {
            startDeferredAfter(waitStart + 90_000);
            List<ChunkState> states = previews.states();
            return !states.isEmpty() && states.stream().allMatch(s -> s.state() == PreviewState.NOT_NEEDED
                    || s.state() == PreviewState.RENDERED)
                    && states.stream().anyMatch(s -> s.state() == PreviewState.RENDERED);
        }, "every chunk that needs it rendered in the background");
        await(() -> barPixels(view, GREEN) > 0 && barPixels(view, RED) == 0, "the bar to show the rendered chunks "
                + "in green and nothing dirty");

        new JButtonOperator(timeline, new NameComponentChooser("playInViewer")).push();
        TopComponentOperator viewer = new TopComponentOperator("Viewer");
        JLabelOperator source = new JLabelOperator(viewer, new NameComponentChooser("source"));
        JLabelOperator timecode = new JLabelOperator(viewer, new NameComponentChooser("timecode"));
        await(source::getText, "Timeline.*", "the Viewer to play the timeline");
        String start = timecode.getText();
        await(() -> !start.equals(timecode.getText()), "the timecode to move on from " + start + " while the "
                + "timeline plays");
    }

    /** A drag of the table's selection dropped on the target, through both transfer handlers as Swing's DnD does. */
    private static void dragAndDrop(JTable from, Component to) throws Exception {
        AtomicBoolean taken = new AtomicBoolean();
        SwingUtilities.invokeAndWait(() -> {
            Clipboard carrier = new Clipboard("drag");
            from.getTransferHandler().exportToClipboard(from, carrier, TransferHandler.COPY);
            Transferable dragged = carrier.getContents(null);
            assertNotNull("the Proxy Manager gives its selection to a drag", dragged);
            taken.set(((JComponent) to).getTransferHandler().importData(new TransferHandler.TransferSupport(to,
                    dragged)));
        });
        assertTrue("the Timeline took the dragged sources", taken.get());
    }

    /**
     * On a machine too busy for background work the render waits for a calm moment, as it should; after a long wait
     * the test does what the user would, Run Now in Background Tasks.
     */
    private static void startDeferredAfter(long when) {
        if (System.currentTimeMillis() < when) {
            return;
        }
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        for (TaskInfo t : tasks.tasks()) {
            if (t.state() == TaskState.DEFERRED) {
                tasks.startNow(t.id());
            }
        }
    }

    private static void awaitLong(java.util.function.BooleanSupplier condition, String what) {
        Await.await(() -> condition.getAsBoolean() ? "yes" : "no", "yes", what, 300_000);
    }

    private static long clips(TimelineDocument doc) {
        return doc.project().tracks().stream().mapToLong(t -> t.clips().size()).sum();
    }

    /** How many pixels of the bar's middle row show {@code rgb}. */
    private static int barPixels(JComponentOperator view, int rgb) {
        int[] count = new int[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                Component c = view.getSource();
                BufferedImage image = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
                c.paint(image.getGraphics());
                for (int x = HEADER; x < c.getWidth(); x++) {
                    if ((image.getRGB(x, 4) & 0xFFFFFF) == rgb) {
                        count[0]++;
                    }
                }
            });
        } catch (Exception ex) {
            throw new AssertionError("could not paint the Timeline", ex);
        }
        return count[0];
    }
}
