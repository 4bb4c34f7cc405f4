package org.tsperf.timeline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Transition;

/** A clip's context menu: what it offers where, and the edits its items make. */
class ClipMenuTest {

    private static final Path CAR = org.tsperf.timeline.Projects.CAR;

    private static void click(JPopupMenu menu, String name) {
        for (java.awt.Component c : menu.getComponents()) {
            if (name.equals(c.getName())) {
                ((JMenuItem) c).doClick();
                return;
            }
        }
        throw new AssertionError("no item " + name + " in the menu");
    }

    @Test
    void crossFadeIntoTheNextClipAndBackAndDelete() {
        TimelineService service = Lookup.getDefault().lookup(TimelineService.class);
        TimelineDocument doc = service.create(Project.empty("m", 1280, 720, new FrameRate(30, 1)));
        doc.apply(new Edit.AddClip("V1", new Clip("a", CAR, 0, 90, 0, List.of())));
        doc.apply(new Edit.AddClip("V1", new Clip("b", CAR, 0, 20, 90, List.of())));
        doc.apply(new Edit.AddClip("V1", new Clip("c", CAR, 0, 60, 200, List.of())));
        AtomicReference<String> said = new AtomicReference<>();

        JPopupMenu forA = ClipMenu.menu(doc, "a", said::set);
        assertEquals(List.of("addFade", "deleteClip"), ClipMenu.enabled(forA));
        click(forA, "addFade");
        // one second, but shorter than the 20-frame clip it fades into
        assertEquals(List.of(new Transition("a", "b", 19)), doc.project().track("V1").orElseThrow().transitions());
        assertEquals(71, doc.project().clip("b").orElseThrow().start());
        assertEquals(List.of("removeFade", "deleteClip"), ClipMenu.enabled(ClipMenu.menu(doc, "a", said::set)));
        assertEquals(List.of("deleteClip"), ClipMenu.enabled(ClipMenu.menu(doc, "b", said::set)),
                "b does not meet c: nothing to fade into");

        click(ClipMenu.menu(doc, "a", said::set), "removeFade");
        assertEquals(90, doc.project().clip("b").orElseThrow().start());
        click(ClipMenu.menu(doc, "b", said::set), "deleteClip");
        assertTrue(doc.project().clip("b").isEmpty());
        assertEquals("Delete Clip", doc.undoEdit().orElseThrow().displayName());
        assertEquals(null, said.get(), "nothing was refused");
    }
}
