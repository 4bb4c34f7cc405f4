package org.tsperf.timeline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewRenderService.ChunkState;
import org.tsperf.api.timeline.PreviewState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.TimelineService;

/**
 * The Timeline window with a preview renderer in Lookup: it tells the renderer each new project off the event thread,
 * paints the chunk states it hears in the bar above the ruler, undoes through its UndoRedo, and lets go when closed.
 */
class TimelineWindowTest {

    private static final Path CAR = org.tsperf.timeline.Projects.CAR;

    private static RecordingRenderer renderer() {
        PreviewRenderService s = Lookup.getDefault().lookup(PreviewRenderService.class);
        assertTrue(s instanceof RecordingRenderer, "the test renderer is in Lookup: " + s);
        return (RecordingRenderer) s;
    }

    private static <T> T onEventThread(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static RecordingRenderer.Tracked next(RecordingRenderer r) throws InterruptedException {
        RecordingRenderer.Tracked t = r.tracked.poll(10, TimeUnit.SECONDS);
        assertNotNull(t, "the window told the renderer within 10 s");
        assertFalse(t.onEventThread(), "the renderer is told off the event thread");
        return t;
    }

    @Test
    void theBarShowsTheRenderersStatesAndEditsReachTheRenderer() throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        RecordingRenderer r = renderer();
        r.tracked.clear();
        TimelineTopComponent tc = onEventThread(() -> {
            TimelineTopComponent w = new TimelineTopComponent();
            w.setSize(1000, 240);
            w.doLayout();
            w.componentOpened();
            return w;
        });
        TimelineDocument doc = tc.document();
        assertEquals(doc.project(), next(r).project(), "the new project is tracked when the window opens");
        assertEquals(1, r.listeners.size());

        doc.apply(new Edit.AddClip("V1", new Clip("a", CAR, 0, 90, 0, List.of())));
        doc.apply(new Edit.AddClip("V1", new Clip("b", CAR, 100, 90, 90, List.of(new Effect.Blur(3)))));
        next(r);
        assertEquals(doc.project(), next(r).project(), "each edit reaches the renderer");

        TimelineService service = Lookup.getDefault().lookup(TimelineService.class);
        List<PreviewChunk> chunks = service.chunks(doc.project(), 480, 270, 30, "test");
        List<ChunkState> states = new ArrayList<>();
        for (PreviewChunk c : chunks) {
            PreviewState s = !c.needsRender() ? PreviewState.NOT_NEEDED
                    : c.index() == 3 ? PreviewState.RENDERED : c.index() == 4 ? PreviewState.RENDERING
                    : PreviewState.DIRTY;
            states.add(new ChunkState(c, s));
        }
        r.publish(states);
        BufferedImage bar = onEventThread(() -> paint(tc.view()));
        assertEquals(new Color(0x3fa34d).getRGB(), barColour(tc.view(), bar, chunks.get(3)), "rendered is green");
        assertEquals(new Color(0xe0b030).getRGB(), barColour(tc.view(), bar, chunks.get(4)), "rendering is yellow");
        assertEquals(new Color(0xc8453c).getRGB(), barColour(tc.view(), bar, chunks.get(5)), "dirty is red");
        assertTrue(barColour(tc.view(), bar, chunks.get(0)) != new Color(0xc8453c).getRGB()
                && barColour(tc.view(), bar, chunks.get(0)) != new Color(0x3fa34d).getRGB(), "not needed: no colour");

        // Edit > Undo goes through the window's UndoRedo, named after the edit
        assertEquals("Add Clip", tc.getUndoRedo().getUndoPresentationName());
        onEventThread(() -> {
            tc.getUndoRedo().undo();
            return null;
        });
        assertEquals(1, doc.project().track("V1").orElseThrow().clips().size());
        assertEquals(doc.project(), next(r).project(), "an undo reaches the renderer too");
        assertTrue(tc.getUndoRedo().canRedo());

        onEventThread(() -> {
            tc.componentClosed();
            return null;
        });
        assertNull(next(r).project(), "a closed window stops tracking");
        assertEquals(0, r.listeners.size(), "and stops listening");
        doc.apply(new Edit.DeleteClip("a"));
        assertNull(r.tracked.poll(1, TimeUnit.SECONDS), "edits after closing are not sent");
    }

    @Test
    void draggingAClipMovesItOrSaysWhyNot() throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        TimelineTopComponent tc = onEventThread(() -> {
            TimelineTopComponent w = new TimelineTopComponent();
            w.setSize(1000, 240);
            w.doLayout();
            w.componentOpened();
            return w;
        });
        TimelineDocument doc = tc.document();
        doc.apply(new Edit.AddClip("V1", new Clip("a", CAR, 0, 90, 0, List.of())));
        doc.apply(new Edit.AddClip("V1", new Clip("b", CAR, 0, 90, 90, List.of())));
        TimelineView view = tc.view();
        int y = TimelineView.BAR + TimelineView.RULER + TimelineView.TRACK / 2;
        // b 30 frames later: where the mouse went, in frames of the view's scale
        int from = onEventThread(() -> view.xOf(135));
        int to = onEventThread(() -> view.xOf(165));
        long expected = 90 + Math.round((to - from) / onEventThread(view::scale));
        drag(view, from, to, y);
        assertEquals(expected, doc.project().clip("b").orElseThrow().start(), "b moved by the drag");
        assertTrue(Math.abs(expected - 120) <= 1);
        // a onto b: refused, and the status line says why
        drag(view, onEventThread(() -> view.xOf(45)), onEventThread(() -> view.xOf(100)), y);
        assertEquals(0, doc.project().clip("a").orElseThrow().start(), "a stays");
        String status = onEventThread(tc::statusText);
        assertTrue(status.contains("cannot move clip") && status.contains("overlap"), status);
        // a click is not a move
        drag(view, onEventThread(() -> view.xOf(45)), onEventThread(() -> view.xOf(45)) + 2, y);
        assertEquals(0, doc.project().clip("a").orElseThrow().start());
        assertEquals("Move Clip", tc.getUndoRedo().getUndoPresentationName());
        onEventThread(() -> {
            tc.getUndoRedo().undo();
            tc.componentClosed();
            return null;
        });
        assertEquals(90, doc.project().clip("b").orElseThrow().start());
    }

    /** Press, drag and release with the left button, as the mouse does, on the event thread. */
    private static void drag(TimelineView view, int fromX, int toX, int y) throws Exception {
        onEventThread(() -> {
            long t = System.currentTimeMillis();
            view.dispatchEvent(new MouseEvent(view, MouseEvent.MOUSE_PRESSED, t, InputEvent.BUTTON1_DOWN_MASK, fromX,
                    y, 1, false, MouseEvent.BUTTON1));
            view.dispatchEvent(new MouseEvent(view, MouseEvent.MOUSE_DRAGGED, t + 10, InputEvent.BUTTON1_DOWN_MASK,
                    (fromX + toX) / 2, y, 0, false, MouseEvent.NOBUTTON));
            view.dispatchEvent(new MouseEvent(view, MouseEvent.MOUSE_DRAGGED, t + 20, InputEvent.BUTTON1_DOWN_MASK,
                    toX, y, 0, false, MouseEvent.NOBUTTON));
            view.dispatchEvent(new MouseEvent(view, MouseEvent.MOUSE_RELEASED, t + 30, 0, toX, y, 1, false,
                    MouseEvent.BUTTON1));
            return null;
        });
        // the status line is set through the event queue: let it run
        onEventThread(() -> null);
    }

    private static BufferedImage paint(TimelineView view) {
        BufferedImage image = new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_INT_RGB);
        view.paint(image.getGraphics());
        return image;
    }

    /** The bar's colour in the middle of a chunk. */
    private static int barColour(TimelineView view, BufferedImage image, PreviewChunk chunk) {
        int x = (view.xOf(chunk.start()) + view.xOf(chunk.end())) / 2;
        return image.getRGB(x, TimelineView.BAR / 2) | 0xff000000;
    }
}
