package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/** The renderer found through Lookup, on real clips, against the ffmpeg command line's frames. */
class TimelineRendererTest {

    static final FrameRate RATE = new FrameRate(25, 1);
    /**
     * Mean difference per channel between our conversion and swscale's on testsrc2's sharp colour edges (chroma
     * upsampling differs); the playback tests allow 2.5 on the same pattern.
     */
    static final double SAME = 3.0;
    /** Scaled in YUV before the conversion here, after it in the reference: edges differ a little more. */
    static final double SAME_SCALED = 5.0;

    @TempDir
    static Path dir;
    static Path a;
    static Path b;
    static TimelineRenderer renderer;

    @BeforeAll
    static void clips() throws Exception {
        renderer = Lookup.getDefault().lookup(TimelineRenderer.class);
        assertNotNull(renderer, "the renderer is registered in Lookup");
        a = TestMedia.clip(dir, "a.mp4", "testsrc2=size=320x240:rate=25", 2, 0);
        b = TestMedia.clip(dir, "b.mp4", "mandelbrot=size=320x240:rate=25", 2, 0);
    }

    static Project project(List<Clip> clips, List<Transition> transitions) {
        return new Project("test", 320, 240, RATE, 48000, List.of(
                new Track("V1", TrackKind.VIDEO, clips, transitions)));
    }

    @Test
    void aFrameOfOneClipIsFfmpegsFrameInOrderAndAfterAJump() throws Exception {
        // the clip shows source frames 10.. from timeline frame 5
        Project p = project(List.of(new Clip("a", a, 10, 30, 5, List.of())), List.of());
        try (TimelinePictures pics = renderer.open(p, 320, 240, false)) {
            for (long f : new long[] {5, 6, 7, 20, 12}) { // in order, a jump ahead, a jump back
                byte[] got = TestMedia.bytes(pics.render(f));
                byte[] want = TestMedia.referenceRgba(a, 10 + f - 5, dir);
                double diff = TestMedia.meanAbsDiff(got, want);
                assertTrue(diff < SAME, "timeline frame " + f + " differs from source frame " + (10 + f - 5)
                        + " by " + diff + " on average");
            }
            // a neighbouring source frame is clearly different: the comparison can tell frames apart
            double other = TestMedia.meanAbsDiff(TestMedia.bytes(pics.render(12)), TestMedia.referenceRgba(a, 18, dir));
            assertTrue(other > 2 * SAME, "frames 17 and 18 of testsrc2 should differ, got " + other);
        }
    }

    @Test
    void aHalfSizeRenderIsFfmpegsFrameScaledDown() throws Exception {
        Project p = project(List.of(new Clip("a", a, 0, 20, 0, List.of())), List.of());
        try (TimelinePictures pics = renderer.open(p, 160, 120, false)) {
            byte[] got = TestMedia.bytes(pics.render(3));
            byte[] want = TestMedia.referenceRgba(a, 3, dir, ",scale=160:120:flags=area");
            double diff = TestMedia.meanAbsDiff(got, want);
            assertTrue(diff < SAME_SCALED, "half size frame differs by " + diff);
        }
    }

    @Test
    void aCrossFadeFrameIsTheMixOfTheTwo() throws Exception {
        // a: frames 0-19, b: 15-34 from its source frame 0; overlap 15-19, frame 17 is overlap frame 2 of 5: mix 0.5
        Transition t = new Transition("a", "b", 5);
        Project p = project(List.of(new Clip("a", a, 0, 20, 0, List.of()), new Clip("b", b, 0, 20, 15, List.of())),
                List.of(t));
        try (TimelinePictures pics = renderer.open(p, 320, 240, false)) {
            for (long f = 0; f < 17; f++) {
                pics.render(f); // sequential reads into the transition
            }
            byte[] got = TestMedia.bytes(pics.render(17));
            byte[] from = TestMedia.referenceRgba(a, 17, dir);
            byte[] to = TestMedia.referenceRgba(b, 2, dir);
            double m = t.mix(2);
            assertEquals(0.5, m, 1e-9);
            byte[] want = new byte[from.length];
            for (int i = 0; i < want.length; i++) {
                want[i] = (byte) Math.round((from[i] & 0xFF) * (1 - m) + (to[i] & 0xFF) * m);
            }
            double diff = TestMedia.meanAbsDiff(got, want);
            assertTrue(diff < SAME, "cross-fade frame differs from the mix by " + diff);
            assertTrue(TestMedia.meanAbsDiff(got, from) > 5 && TestMedia.meanAbsDiff(got, to) > 5,
                    "the frame is neither clip alone");
            // after the overlap only b shows
            byte[] after = TestMedia.bytes(pics.render(21));
            assertTrue(TestMedia.meanAbsDiff(after, TestMedia.referenceRgba(b, 6, dir)) < SAME, "b after the overlap");
        }
    }

    @Test
    void blackWhereNoClipAndOpacityMixesWithBlack() throws Exception {
        Project p = project(List.of(new Clip("a", a, 0, 10, 10, List.of(new Effect.Opacity(0.5)))), List.of());
        try (TimelinePictures pics = renderer.open(p, 320, 240, false)) {
            byte[] gap = TestMedia.bytes(pics.render(4));
            for (int i = 0; i < gap.length; i++) {
                assertEquals(i % 4 == 3 ? (byte) 255 : 0, gap[i], "opaque black at byte " + i);
            }
            byte[] half = TestMedia.bytes(pics.render(12));
            byte[] full = TestMedia.referenceRgba(a, 2, dir);
            byte[] want = new byte[full.length];
            for (int i = 0; i < want.length; i++) {
                want[i] = i % 4 == 3 ? (byte) 255 : (byte) Math.round((full[i] & 0xFF) * 0.5);
            }
            assertTrue(TestMedia.meanAbsDiff(half, want) < SAME, "half opacity over black");
        }
    }

    @Test
    void aBlurredClipMatchesFfmpegsGblur() throws Exception {
        Project p = project(List.of(new Clip("a", a, 0, 10, 0, List.of(new Effect.Blur(3)))), List.of());
        try (TimelinePictures pics = renderer.open(p, 320, 240, false)) {
            byte[] got = TestMedia.bytes(pics.render(4));
            byte[] want = TestMedia.referenceRgba(a, 4, dir, ",format=gbrp,gblur=sigma=3:steps=6,format=rgba");
            byte[] sharp = TestMedia.referenceRgba(a, 4, dir);
            double blurred = TestMedia.meanAbsDiff(got, want);
            assertTrue(blurred < 3.0, "blur differs from gblur by " + blurred);
            assertTrue(TestMedia.meanAbsDiff(got, sharp) > 2 * blurred, "the blur changed the picture");
        }
    }

    @Test
    void aMissingSourceIsNamed() {
        Path gone = dir.resolve("gone.mp4");
        Project p = project(List.of(new Clip("lost", gone, 0, 10, 0, List.of())), List.of());
        MediaException ex = assertThrows(MediaException.class, () -> renderer.open(p, 320, 240, false));
        assertEquals(MediaException.Problem.MISSING, ex.problem());
        assertTrue(ex.getMessage().contains(gone.toString()) && ex.getMessage().contains("clip lost"),
                ex.getMessage());
    }
}
