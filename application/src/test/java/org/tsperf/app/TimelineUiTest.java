package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.awt.Component;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JComponentOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JPopupMenuOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.windows.TopComponent;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;

/**
 * The Timeline of the real workbench: two real clips dropped on it are probed and laid end to end on V1 and painted;
 * a cross-fade comes from a clip's context menu;
 * Edit &gt; Undo and Redo walk the history; Delete removes the clip clicked, Ctrl+Z and Ctrl+Y undo and redo.
 */
public class TimelineUiTest extends JellyTestCase {

    /** Where the view paints the first track's clips (its bar, ruler and row heights). */
    private static final int FIRST_ROW_MIDDLE = 8 + 22 + 23;

    public TimelineUiTest(String name) {
        super(name);
    }

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        EventThreadGuard.installOnce();
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(TimelineUiTest.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.INFO)
                .gui(true)
                .addTest("testDroppedClipsShowAndUndoRedoFromTheEditMenu")
                .suite();
    }

    public void testDroppedClipsShowAndUndoRedoFromTheEditMenu() throws Exception {
        TopComponentOperator timeline = Menus.openWindow("Timeline");
        TimelineDocument doc = ((TopComponent) timeline.getSource()).getLookup().lookup(TimelineDocument.class);
        assertNotNull("the Timeline's document is in its Lookup", doc);
        JComponentOperator view = new JComponentOperator(timeline, new NameComponentChooser("timelineView"));
        JLabelOperator status = new JLabelOperator(timeline, new NameComponentChooser("status"));
        assertEquals(0, clips(doc));

        Path car = ProductWindows.realClip("car-detection.mp4");
        Path bottle = ProductWindows.realClip("bottle-detection.mp4");
        drop(view.getSource(), car, bottle);
        await(() -> clips(doc) == 2, "both dropped files to become clips");
        Project p = doc.project();
        Clip first = p.clip("car-detection").orElseThrow();
        Clip second = p.clip("bottle-detection").orElseThrow();
        assertEquals("V1", p.trackOf(first.id()).orElseThrow().id());
        assertEquals(0, first.start());
        long expected = (long) Math.floor(ffprobeSeconds(car) * 30000 / 1001);
        assertTrue("the car clip's length, " + expected + " frames of the project's 29.97 fps by ffprobe: " + first,
                Math.abs(first.length() - expected) <= 1);
        assertEquals("laid end to end", first.end(), second.start());
        await(status::getText, ".*2 clips.*", "the status line to count the clips");
        await(() -> clipPainted(view, 10), "the first clip painted at the start of V1");

        // a cross-fade from the context menu pulls the second clip in by one second (30 frames at 29.97)
        view.clickForPopup(TimelineViewX.HEADER + 10, FIRST_ROW_MIDDLE);
        new JPopupMenuOperator().pushMenu("Add Cross-fade to Next Clip");
        await(() -> !doc.project().track("V1").orElseThrow().transitions().isEmpty(), "the cross-fade to be added");
        assertEquals(first.end() - 30, doc.project().clip("bottle-detection").orElseThrow().start());
        Menus.push("Edit|Undo", () -> doc.project().track("V1").orElseThrow().transitions().isEmpty()
                && doc.project().clip("bottle-detection").orElseThrow().start() == first.end(), "Edit > Undo to take "
                + "the cross-fade back");

        view.clickMouse(TimelineViewX.HEADER + 10, FIRST_ROW_MIDDLE, 1);
        Menus.push("Edit|Undo", () -> clips(doc) == 1 && doc.project().clip("bottle-detection").isEmpty(),
                "Edit > Undo to take the last clip back");
        Menus.push("Edit|Redo", () -> clips(doc) == 2, "Edit > Redo to add it again");

        view.clickMouse(TimelineViewX.HEADER + 10, FIRST_ROW_MIDDLE, 1);
        view.pushKey(KeyEvent.VK_DELETE);
        await(() -> doc.project().clip("car-detection").isEmpty(), "Delete to remove the clicked clip");
        await(() -> !clipPainted(view, 10), "the deleted clip no longer painted");
        view.pushKey(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK);
        await(() -> clips(doc) == 2, "Ctrl+Z to bring it back");
        view.pushKey(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK);
        await(() -> clips(doc) == 1, "Ctrl+Y to delete it again");
    }

    /** The view's left margin for track names, in pixels. */
    private static final class TimelineViewX {
        static final int HEADER = 56;
    }

    /** The video stream's duration as the system ffprobe reads it: a reference independent of the workbench. */
    private static double ffprobeSeconds(Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=duration", "-of",
                "default=nw=1:nk=1", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue("ffprobe finished", p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0);
        return Double.parseDouble(out);
    }

    private static long clips(TimelineDocument doc) {
        return doc.project().tracks().stream().mapToLong(t -> t.clips().size()).sum();
    }

    /** Drops files on the view through its transfer handler, as a drag from a file manager does. */
    private static void drop(Component target, Path... files) throws Exception {
        Transferable list = new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return List.of(files).stream().map(Path::toFile).toList();
            }
        };
        AtomicBoolean taken = new AtomicBoolean();
        SwingUtilities.invokeAndWait(() -> taken.set(((JComponent) target).getTransferHandler()
                .importData(new TransferHandler.TransferSupport(target, list))));
        assertTrue("the Timeline took the files", taken.get());
    }

    /** Whether the first track shows a clip's fill colour {@code dx} pixels after the track names. */
    private static boolean clipPainted(JComponentOperator view, int dx) {
        int[] rgb = new int[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                Component c = view.getSource();
                BufferedImage image = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
                c.paint(image.getGraphics());
                rgb[0] = image.getRGB(TimelineViewX.HEADER + dx, FIRST_ROW_MIDDLE + 18);
            });
        } catch (Exception ex) {
            throw new AssertionError("could not paint the Timeline", ex);
        }
        // the video clip colour, 0x3d6fb6
        return Math.abs((rgb[0] >> 16 & 0xFF) - 0x3d) <= 12 && Math.abs((rgb[0] >> 8 & 0xFF) - 0x6f) <= 12
                && Math.abs((rgb[0] & 0xFF) - 0xb6) <= 12;
    }
}
