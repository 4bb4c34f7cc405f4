package org.tsperf.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.Transition;

/** Edits with their rules, undo and redo, the modified flag, saving and listeners. */
class DocumentEditTest {

    @TempDir
    Path temp;

    private static long start(TimelineDocument doc, String clip) {
        return doc.project().clip(clip).orElseThrow().start();
    }

    private static String refusal(TimelineDocument doc, Edit edit) {
        Project before = doc.project();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> doc.apply(edit));
        assertSame(before, doc.project(), "a refused edit changes nothing");
        return e.getMessage();
    }

    private static void says(String message, String part) {
        assertTrue(message.contains(part), "the message should say \"" + part + "\": " + message);
    }

    @Test
    void eachEditChangesTheProjectAndUndoRedoWalkTheHistory() {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        Project original = doc.project();
        List<Edit> edits = List.of(
                new Edit.AddClip("V2", new Clip("t", Projects.BOTTLE, 0, 30, 10, List.of())),
                new Edit.MoveClip("t", "V2", 100),
                new Edit.TrimClip("c3", 110, 40, 130),
                new Edit.SetEffects("c1", List.of(new Effect.Blur(3))),
                new Edit.MoveClip("t", "V1", 200),
                new Edit.DeleteClip("c2"));
        List<Project> states = new java.util.ArrayList<>(List.of(original));
        for (Edit e : edits) {
            doc.apply(e);
            states.add(doc.project());
        }
        Project end = doc.project();
        assertEquals(130, start(doc, "c3"));
        assertEquals(40, end.clip("c3").orElseThrow().length());
        assertEquals(110, end.clip("c3").orElseThrow().sourceIn());
        assertEquals("V1", end.trackOf("t").orElseThrow().id());
        assertEquals(200, start(doc, "t"));
        assertEquals(List.of(new Effect.Blur(3)), end.clip("c1").orElseThrow().effects());
        assertTrue(end.clip("c2").isEmpty());
        for (int i = edits.size() - 1; i >= 0; i--) {
            assertEquals(edits.get(i), doc.undoEdit().orElseThrow());
            doc.undo();
            assertEquals(states.get(i), doc.project(), "undo of " + edits.get(i));
        }
        assertFalse(doc.canUndo());
        assertThrows(IllegalStateException.class, doc::undo);
        for (int i = 0; i < edits.size(); i++) {
            assertEquals(edits.get(i), doc.redoEdit().orElseThrow());
            doc.redo();
            assertEquals(states.get(i + 1), doc.project(), "redo of " + edits.get(i));
        }
        assertFalse(doc.canRedo());
        doc.undo();
        doc.apply(new Edit.SetEffects("c1", List.of()));
        assertFalse(doc.canRedo(), "a new edit clears the redo history");
    }

    @Test
    void editsThatBreakTheRulesAreRefusedWholeWithTheReason() {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        says(refusal(doc, new Edit.MoveClip("c1", "V1", 30)), "overlap at frames 60 to 90 without a "
                + "transition");
        says(refusal(doc, new Edit.AddClip("V1", new Clip("c2", Projects.CAR, 0, 5, 500, List.of()))),
                "already has a clip with that id");
        says(refusal(doc, new Edit.AddClip("V9", new Clip("n", Projects.CAR, 0, 5, 500, List.of()))),
                "no track \"V9\"");
        says(refusal(doc, new Edit.MoveClip("c1", "A1", 500)), "from video track V1 to audio track A1");
        says(refusal(doc, new Edit.TrimClip("nope", 0, 1, 0)), "no clip \"nope\"");
        says(refusal(doc, new Edit.TrimClip("c2", 0, 0, 60)), "length at least 1");
        says(refusal(doc, new Edit.AddTransition(new Transition("c1", "c3", 10))), "must start where \"c1\" ends");
        says(refusal(doc, new Edit.AddTransition(new Transition("c1", "c2", 60))), "shorter than both");
        says(refusal(doc, new Edit.RemoveTransition("c1", "c2")), "no transition joins");
        doc.apply(new Edit.AddClip("A1", new Clip("s", Projects.CAR, 0, 50, 0, List.of())));
        says(refusal(doc, new Edit.SetEffects("s", List.of(new Effect.Blur(1)))),
                "effects apply to video clips only");
        assertTrue(refusal(doc, new Edit.MoveClip("c1", "V1", 30)).startsWith("cannot move clip: "));
    }

    @Test
    void aTransitionPullsTheLaterClipsInAndItsRemovalPushesThemBack() {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        Project before = doc.project();
        doc.apply(new Edit.AddTransition(new Transition("c1", "c2", 15)));
        assertEquals(0, start(doc, "c1"));
        assertEquals(45, start(doc, "c2"));
        assertEquals(105, start(doc, "c3"), "what follows moves with it");
        assertEquals(165, doc.project().length());
        doc.apply(new Edit.AddTransition(new Transition("c2", "c3", 10)));
        assertEquals(95, start(doc, "c3"));

        // moving a joined clip is refused; trimming its free end keeps the overlap, trimming the joined end does not
        says(refusal(doc, new Edit.MoveClip("c3", "V1", 300)), "remove the transition first");
        doc.apply(new Edit.TrimClip("c3", 100, 30, 95));
        says(refusal(doc, new Edit.TrimClip("c3", 105, 25, 100)), "overlap by its length of 10");
        says(refusal(doc, new Edit.TrimClip("c2", 0, 50, 45)), "overlap by its length of 10");

        doc.apply(new Edit.RemoveTransition("c1", "c2"));
        assertEquals(60, start(doc, "c2"));
        assertEquals(110, start(doc, "c3"));
        assertEquals(List.of(new Transition("c2", "c3", 10)), doc.project().track("V1").orElseThrow().transitions());

        doc.apply(new Edit.DeleteClip("c2"));
        assertEquals(List.of(), doc.project().track("V1").orElseThrow().transitions(), "its transitions go with it");
        assertEquals(110, start(doc, "c3"), "deleting moves nothing else");
        while (doc.canUndo()) {
            doc.undo();
        }
        assertEquals(before, doc.project());
    }

    @Test
    void modifiedUntilSavedAgainAndListenersHearEveryChange() throws Exception {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        assertTrue(doc.isModified(), "never saved");
        assertTrue(doc.file().isEmpty());
        List<Project> heard = new CopyOnWriteArrayList<>();
        java.util.function.Consumer<Project> listener = heard::add;
        doc.addListener(listener);
        Path file = temp.resolve("row.json");
        doc.saveAs(file);
        assertFalse(doc.isModified());
        assertEquals(file, doc.file().orElseThrow());
        doc.apply(new Edit.DeleteClip("c3"));
        assertTrue(doc.isModified());
        doc.undo();
        assertFalse(doc.isModified(), "back to the saved project");
        doc.redo();
        assertEquals(3, heard.size());
        assertEquals(doc.project(), heard.get(2));
        doc.removeListener(listener);
        doc.undo();
        assertEquals(3, heard.size());

        TimelineDocument reopened = Projects.service().open(file);
        assertFalse(reopened.isModified());
        assertEquals(doc.project(), reopened.project());
        assertEquals(file, reopened.file().orElseThrow());
    }
}
