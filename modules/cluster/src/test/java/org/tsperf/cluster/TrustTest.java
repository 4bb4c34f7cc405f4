package org.tsperf.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signatures, the secret file and the media roots, without a cluster. */
class TrustTest {

    @TempDir
    Path dir;

    private static final Secret SECRET = Secret.of("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    private static final Secret OTHER = Secret.of("another secret of twenty".getBytes(StandardCharsets.UTF_8));

    private static SegmentTask task(Secret s, String projectJson) {
        return SegmentTask.signed(s, "c", "job1", 2, 50, 75, 0, 100, "h264", projectJson, "/media/.tsperf-cluster-job1",
                "nonce", "127.0.0.1:5701");
    }

    @Test
    void aTaskVerifiesOnlyWithTheSecretAndUnchanged() {
        SegmentTask t = task(SECRET, "{\"a\":1}");
        assertTrue(SECRET.verifies(t.content(), t.mac));
        assertFalse(OTHER.verifies(t.content(), t.mac), "another secret");
        SegmentTask changed = new SegmentTask(t.cluster, t.jobId, t.index, t.in, t.out + 1, t.jobIn, t.jobOut,
                t.format, t.projectJson, t.jobFolder, t.nonce, t.coordinator, t.mac);
        assertFalse(SECRET.verifies(changed.content(), changed.mac), "a frame more");
        SegmentTask otherFolder = new SegmentTask(t.cluster, t.jobId, t.index, t.in, t.out, t.jobIn, t.jobOut,
                t.format, t.projectJson, "/etc", t.nonce, t.coordinator, t.mac);
        assertFalse(SECRET.verifies(otherFolder.content(), otherFolder.mac), "another folder");
        assertFalse(SECRET.verifies(t.content(), null), "no signature");
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        byte[] a = Canonical.of("t").text("ab").text("c").bytes();
        byte[] b = Canonical.of("t").text("a").text("bc").bytes();
        assertNotEquals(Canonical.sha256(a), Canonical.sha256(b));
        assertNotEquals(Canonical.sha256(Canonical.of("t").text(null).bytes()),
                Canonical.sha256(Canonical.of("t").text("").bytes()));
    }

    @Test
    void aResultSurvivesItsFileAndAChangedOneDoesNotVerify() throws IOException {
        SegmentResult r = new SegmentResult("job1", 2, "nonce", "uuid", "127.0.0.1:5702", true, "",
                "segment-00002.mp4", 1234, "ab".repeat(32), 5_000_000, null).signedWith(SECRET);
        StringWriter w = new StringWriter();
        r.store(w);
        SegmentResult back = SegmentResult.load(new StringReader(w.toString()));
        assertTrue(back.verifies(SECRET));
        assertFalse(back.verifies(OTHER));
        SegmentResult forged = new SegmentResult(back.jobId, back.index, back.nonce, back.member, back.address, true,
                "", back.fileName, back.size + 1, back.sha256, back.micros, back.mac);
        assertFalse(forged.verifies(SECRET));
        assertThrows(IOException.class, () -> SegmentResult.load(new StringReader("jobId=x\n")));
    }

    @Test
    void aSecretFileMustExistAndHoldSixteenBytes() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Secret.read(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("does not exist") && missing.getMessage().contains("/dev/urandom"),
                missing.getMessage());
        Path shortOne = Files.writeString(dir.resolve("short"), "fifteen bytes!!\n");
        IOException tooShort = assertThrows(IOException.class, () -> Secret.read(shortOne));
        assertTrue(tooShort.getMessage().contains("at least 16"), tooShort.getMessage());
        Path withNewline = Files.writeString(dir.resolve("nl"), "0123456789abcdef0123\n");
        Path without = Files.writeString(dir.resolve("no-nl"), "0123456789abcdef0123");
        byte[] m = Secret.read(withNewline).mac(new byte[] {1});
        assertTrue(Secret.read(without).verifies(new byte[] {1}, m), "a trailing line end is not part of it");
    }

    @Test
    void mediaRootsRefuseWhatLiesOutsideThemLinksAndDotsIncluded() throws IOException {
        Path root = Files.createDirectories(dir.resolve("media"));
        Path outside = Files.createDirectories(dir.resolve("private"));
        Path inner = Files.writeString(root.resolve("clip.mp4"), "x");
        Path secretClip = Files.writeString(outside.resolve("clip.mp4"), "x");
        Files.createSymbolicLink(root.resolve("escape.mp4"), secretClip);
        Files.createSymbolicLink(root.resolve("escape-dir"), outside);
        MediaRoots roots = MediaRoots.of(List.of(root));
        assertEquals(inner.toRealPath(), roots.inside(inner, "clip"));
        assertThrows(SecurityException.class, () -> roots.inside(secretClip, "clip"));
        assertThrows(SecurityException.class, () -> roots.inside(root.resolve("escape.mp4"), "clip"));
        assertThrows(SecurityException.class, () -> roots.inside(root.resolve("escape-dir/clip.mp4"), "clip"));
        assertThrows(SecurityException.class, () -> roots.inside(root.resolve("../private/clip.mp4"), "clip"));
        assertThrows(SecurityException.class, () -> roots.inside(Path.of("media/clip.mp4"), "clip"));
        assertThrows(IOException.class, () -> roots.inside(root.resolve("missing.mp4"), "clip"));
        IOException noRoot = assertThrows(IOException.class, () -> MediaRoots.of(List.of(dir.resolve("nothing"))));
        assertTrue(noRoot.getMessage().contains("is not a folder"), noRoot.getMessage());
    }
}
