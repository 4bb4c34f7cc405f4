package org.tsperf.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.testsupport.SmallDisk;

/** Saving on a real, small file system that fills up: the old file stays whole and no temporary file is left. */
class AtomicWriteTest {

    @TempDir
    Path temp;

    /** A project whose file is about {@code clips} x 300 bytes. */
    private static Project withClips(int clips) {
        Project base = Projects.threeInARow();
        List<Clip> many = new ArrayList<>(base.track("V1").orElseThrow().clips());
        for (int i = 0; i < clips; i++) {
            many.add(new Clip("extra-" + i, Projects.CAR, 0, 10, 1000 + 10L * i, List.of()));
        }
        List<Track> tracks = new ArrayList<>(base.tracks());
        tracks.set(0, new Track("V1", tracks.get(0).kind(), many, List.of()));
        return new Project(base.name(), base.width(), base.height(), base.rate(), base.sampleRate(), tracks);
    }

    @Test
    void aSaveThatRunsOutOfSpaceKeepsTheOldFileWholeAndLeavesNoTemporaryFile() throws Exception {
        TimelineService service = Projects.service();
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("small"), 1L << 20)) {
            Path file = disk.dir().resolve("show.json");
            Project small = withClips(0);
            service.write(small, file);
            byte[] before = Files.readAllBytes(file);
            disk.fill(16 * 1024);
            Project big = withClips(2000);
            IOException e = assertThrows(IOException.class, () -> service.write(big, file));
            String msg = e.getMessage();
            assertTrue(msg.contains(file.toString()) && msg.contains("the disk is full")
                    && msg.contains("unchanged") && msg.contains("Free some space"), msg);
            assertArrayEquals(before, Files.readAllBytes(file), "the old file is untouched");
            assertEquals(small, service.read(file));
            assertEquals(List.of(file), listing(disk.dir()), "no temporary file left behind");

            // a document's save fails the same way and stays modified; once space is freed it saves
            TimelineDocument doc = service.open(file);
            doc.apply(new Edit.DeleteClip("c2"));
            for (int i = 0; i < 2000; i++) {
                doc.apply(new Edit.AddClip("V2", new Clip("x" + i, Projects.BOTTLE, 0, 5, 5L * i, List.of())));
            }
            assertThrows(IOException.class, () -> doc.saveAs(file));
            assertTrue(doc.isModified());
            assertEquals(small, service.read(file));
            disk.free();
            doc.saveAs(file);
            assertEquals(doc.project(), service.read(file));
            assertTrue(!doc.isModified());
            assertEquals(List.of(file), listing(disk.dir()));
        }
    }

    @Test
    void aSaveIntoAFolderThatDoesNotExistSaysSo() {
        Path file = temp.resolve("no-such-folder").resolve("p.json");
        IOException e = assertThrows(IOException.class, () -> Projects.service().write(Projects.threeInARow(), file));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains(file.toString()),
                e.getMessage());
    }

    @Test
    void overwritingReplacesTheFileWholeAndLeavesOnlyIt() throws Exception {
        Path file = temp.resolve("p.json");
        Projects.service().write(Projects.threeInARow(), file);
        Projects.service().write(Projects.everything(), file);
        assertEquals(Projects.everything(), Projects.service().read(file));
        assertEquals(List.of(file), listing(temp));
    }

    @Test
    void aSavedFileKeepsItsPermissions() throws Exception {
        Path file = temp.resolve("shared.json");
        Projects.service().write(Projects.threeInARow(), file);
        java.util.Set<java.nio.file.attribute.PosixFilePermission> groupReads =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, groupReads);
        Projects.service().write(Projects.everything(), file);
        assertEquals(groupReads, Files.getPosixFilePermissions(file));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().equals("filler.bin")).sorted().toList();
        }
    }
}
