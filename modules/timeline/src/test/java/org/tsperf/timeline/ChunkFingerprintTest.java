package org.tsperf.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.Transition;

/**
 * Which chunks an edit makes dirty: exactly those whose pictures change. The project: c1, c2, c3 of 60 frames each
 * at 30 fps on V1, so with 30-frame chunks each clip fills chunks 2k and 2k+1.
 */
class ChunkFingerprintTest {

    private static final int N = 30;
    private static final String RENDERER = "test-renderer 1";

    @TempDir
    Path temp;

    private static List<PreviewChunk> chunks(Project p) throws IOException {
        return Projects.service().chunks(p, 960, 540, N, RENDERER);
    }

    /** Chunk numbers whose fingerprint differs from the one before the edit (or that are new). */
    private static Set<Integer> dirtied(List<PreviewChunk> before, List<PreviewChunk> after) {
        Set<Integer> dirty = new TreeSet<>();
        for (PreviewChunk c : after) {
            if (c.index() >= before.size() || !before.get(c.index()).fingerprint().equals(c.fingerprint())) {
                dirty.add(c.index());
            }
        }
        return dirty;
    }

    /** Applies an edit, checks what it dirties, then that undo brings back exactly the old chunks. */
    private static List<PreviewChunk> editAndUndo(TimelineDocument doc, Edit edit, Set<Integer> expected)
            throws IOException {
        List<PreviewChunk> before = chunks(doc.project());
        doc.apply(edit);
        List<PreviewChunk> after = chunks(doc.project());
        assertEquals(expected, dirtied(before, after), edit.displayName() + " dirties exactly these chunks");
        doc.undo();
        List<PreviewChunk> undone = chunks(doc.project());
        assertEquals(before, undone, "undo of " + edit.displayName() + " gives back every fingerprint");
        assertEquals(Set.of(), dirtied(before, undone));
        doc.redo();
        assertEquals(after, chunks(doc.project()), "redo gives the edited fingerprints again");
        doc.undo();
        return after;
    }

    @Test
    void chunksCoverTheTimelineAndPlainCutsNeedNoRendering() throws Exception {
        List<PreviewChunk> chunks = chunks(Projects.threeInARow());
        assertEquals(6, chunks.size());
        for (PreviewChunk c : chunks) {
            assertEquals((long) c.index() * N, c.start());
            assertEquals(Math.min((c.index() + 1L) * N, 180), c.end());
            assertFalse(c.needsRender(), "plain light clips play from their sources: " + c);
            assertEquals(64, c.fingerprint().length());
        }
        assertEquals(6, chunks.stream().map(PreviewChunk::fingerprint).distinct().count());
        assertEquals(chunks, chunks(Projects.threeInARow()), "the same project gives the same chunks");
        List<PreviewChunk> shortLast = Projects.service().chunks(Projects.threeInARow(), 960, 540, 50, RENDERER);
        assertEquals(List.of(0L, 50L, 100L, 150L), shortLast.stream().map(PreviewChunk::start).toList());
        assertEquals(180, shortLast.get(3).end());
        assertEquals(List.of(), chunks(Project.empty("none", 640, 360, Projects.NTSC)));
    }

    @Test
    void anEffectChangeDirtiesOnlyTheClipsChunksAndUndoDirtiesNone() throws Exception {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        List<PreviewChunk> after = editAndUndo(doc, new Edit.SetEffects("c2", List.of(new Effect.Blur(2))),
                Set.of(2, 3));
        assertEquals(List.of(false, false, true, true, false, false),
                after.stream().map(PreviewChunk::needsRender).toList());
        doc.apply(new Edit.SetEffects("c2", List.of(new Effect.Blur(2))));
        editAndUndo(doc, new Edit.SetEffects("c2", List.of(new Effect.Blur(2.5))), Set.of(2, 3));
        editAndUndo(doc, new Edit.SetEffects("c2", List.of(new Effect.Blur(2), new Effect.Opacity(0.9))),
                Set.of(2, 3));
        editAndUndo(doc, new Edit.SetEffects("c1", List.of(new Effect.ColourAdjust(0.1, 1, 1, 1))), Set.of(0, 1));
        // full opacity changes no picture's look but is still part of the description; it needs no rendering
        List<PreviewChunk> opaque = editAndUndo(doc, new Edit.SetEffects("c3", List.of(new Effect.Opacity(1))),
                Set.of(4, 5));
        assertFalse(opaque.get(4).needsRender());
    }

    @Test
    void aMoveDirtiesWhereThePicturesChangeAndTheChunkItLandsInCanMatchAnOldOne() throws Exception {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        List<PreviewChunk> before = chunks(doc.project());
        // by one chunk: [120,150) becomes empty, c3's frames show one chunk later, and a seventh chunk appears
        List<PreviewChunk> after = editAndUndo(doc, new Edit.MoveClip("c3", "V1", 150), Set.of(4, 5, 6));
        assertEquals(before.get(4).fingerprint(), after.get(5).fingerprint(), "same pictures, same fingerprint");
        assertEquals(before.get(5).fingerprint(), after.get(6).fingerprint());
        assertFalse(after.get(4).needsRender(), "an empty stretch needs no rendering");
        // by part of a chunk: both chunks it touches change, those before do not
        editAndUndo(doc, new Edit.MoveClip("c3", "V1", 130), Set.of(4, 5, 6));
        // to the track above, over c1 and c2: those chunks composite two tracks; the timeline ends at 120
        List<PreviewChunk> over = editAndUndo(doc, new Edit.MoveClip("c3", "V2", 10), Set.of(0, 1, 2));
        assertEquals(List.of(true, true, true, false), over.stream().map(PreviewChunk::needsRender).toList());
    }

    @Test
    void aTrimDirtiesOnlyTheChunksOfTheFramesItChanges() throws Exception {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        editAndUndo(doc, new Edit.TrimClip("c2", 0, 45, 60), Set.of(3));
        editAndUndo(doc, new Edit.TrimClip("c2", 15, 45, 75), Set.of(2));
        editAndUndo(doc, new Edit.TrimClip("c2", 5, 60, 60), Set.of(2, 3));
    }

    @Test
    void aTransitionDirtiesItsOverlapAndWhatMovedAndNeedsRendering() throws Exception {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        List<PreviewChunk> before = chunks(doc.project());
        // 30 frames: c2 and c3 move one chunk earlier, so later chunks show what an earlier one did
        List<PreviewChunk> after = editAndUndo(doc, new Edit.AddTransition(new Transition("c1", "c2", 30)),
                Set.of(1, 2, 3, 4));
        assertEquals(5, after.size());
        assertEquals(List.of(false, true, false, false, false), after.stream().map(PreviewChunk::needsRender).toList());
        assertEquals(before.get(3).fingerprint(), after.get(2).fingerprint());
        assertEquals(before.get(5).fingerprint(), after.get(4).fingerprint());
        // a short one: chunk 0 keeps its fingerprint, the chunks the overlap meets need rendering
        List<PreviewChunk> shortOne = editAndUndo(doc, new Edit.AddTransition(new Transition("c1", "c2", 10)),
                Set.of(1, 2, 3, 4, 5));
        assertFalse(shortOne.get(0).needsRender());
        assertTrue(shortOne.get(1).needsRender());
        doc.apply(new Edit.AddTransition(new Transition("c1", "c2", 10)));
        // removing it is an edit like the others: it dirties what moves and undo gives the joined chunks back
        editAndUndo(doc, new Edit.RemoveTransition("c1", "c2"), Set.of(1, 2, 3, 4, 5));
    }

    @Test
    void unrelatedChangesKeepEveryFingerprint() throws Exception {
        TimelineDocument doc = Projects.service().create(Projects.threeInARow());
        editAndUndo(doc, new Edit.AddClip("A1", new Clip("s", Projects.CAR, 0, 150, 0, List.of())), Set.of());
        editAndUndo(doc, new Edit.AddClip("V2", new Clip("late", Projects.CAR, 0, 30, 150, List.of())), Set.of(5));
        Project p = doc.project();
        List<PreviewChunk> base = chunks(p);
        Project renamed = new Project("Other name", p.width(), p.height(), p.rate(), p.sampleRate(), p.tracks());
        assertEquals(base, chunks(renamed), "the project's name makes no picture");
        assertNotEquals(base.get(0).fingerprint(), Projects.service().chunks(p, 640, 360, N, RENDERER).get(0)
                .fingerprint(), "another preview size is other pictures");
        assertNotEquals(base.get(0).fingerprint(), Projects.service().chunks(p, 960, 540, N, "test-renderer 2")
                .get(0).fingerprint(), "another renderer version is other pictures");
    }

    @Test
    void theSourcesContentCountsNotItsPath() throws Exception {
        Path a = Files.copy(Projects.BOTTLE, temp.resolve("a.mp4"));
        Path copy = Files.copy(Projects.BOTTLE, temp.resolve("copy.mp4"));
        Project onA = single(a);
        assertEquals(chunks(onA), chunks(single(copy)), "a copy (a relinked source) keeps the renders");
        // the same size, changed in its last MiB, a later modification time: other pictures
        try (FileChannel ch = FileChannel.open(a, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {42, 42, 42}), Files.size(a) - 100);
        }
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        assertNotEquals(chunks(onA).get(0).fingerprint(), chunks(single(copy)).get(0).fingerprint());
        Files.delete(a);
        IOException gone = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> chunks(onA));
        assertTrue(gone.getMessage().contains(a.toString()) && gone.getMessage().contains("clip \"only\""),
                gone.getMessage());
    }

    private static Project single(Path source) {
        Project base = Project.empty("one", 1920, 1080, new org.tsperf.api.timeline.FrameRate(30, 1));
        return Edits.apply(base, new Edit.AddClip("V1", new Clip("only", source, 0, 60, 0, List.of())));
    }
}
