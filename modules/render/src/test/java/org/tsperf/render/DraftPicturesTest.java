package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;

/**
 * The draft compositor on the YUV planes against the RGBA renderer (the reference), frame by frame at 160x120, each
 * drafted frame converted to RGBA with its own matrix and range.
 */
class DraftPicturesTest {

    @TempDir
    static Path dir;
    static Path a;
    static Path b;

    @BeforeAll
    static void clips() throws Exception {
        a = TestMedia.clip(dir, "a.mp4", "testsrc2=size=320x240:rate=25", 2.4, 0);
        b = TestMedia.clip(dir, "b.mp4", "mandelbrot=size=320x240:rate=25", 2.4, 0);
    }

    @Test
    void draftedFramesAreTheRenderersBlurAndColourWithinRounding() throws Exception {
        Project p = PreviewFixtures.project(a, b, 0.02, 2);
        assertTrue(DraftPictures.effectsAllow(p));
        try (DraftPictures draft = new DraftPictures(p, 160, 120, DefaultTimelineRenderer.opener(p, 160, 120, true));
                TimelinePictures rgba = Lookup.getDefault().lookup(TimelineRenderer.class).open(p, 160, 120, true)) {
            // frame 5: a with its colour adjust; 60: b with its blur (sigma 1 at half size)
            // contrast does not scale chroma on the planes (as eq), the RGBA operation's does: 0.57 measured
            assertTrue(difference(draft, rgba, 5) < 1.0, "colour adjust: " + difference(draft, rgba, 5));
            assertTrue(difference(draft, rgba, 60) < 4.5, "blur on the 4:2:0 planes: " + difference(draft, rgba, 60));
        }
    }

    /**
     * Colours inside the RGB gamut: a drafted cross-fade is the renderer's within the blur's tolerance (the incoming
     * clip is blurred on the 4:2:0 planes).
     */
    @Test
    void aCrossFadeOfColoursInsideTheGamutIsTheRenderers() throws Exception {
        Project p = PreviewFixtures.project(a, b, 0.02, 2, 1, 0.8);
        try (DraftPictures draft = new DraftPictures(p, 160, 120, DefaultTimelineRenderer.opener(p, 160, 120, true));
                TimelinePictures rgba = Lookup.getDefault().lookup(TimelineRenderer.class).open(p, 160, 120, true)) {
            for (long f = 25; f < 30; f++) {
                double d = difference(draft, rgba, f);
                assertTrue(d < 4.5, "cross-fade frame " + f + ": " + d);
            }
        }
    }

    /**
     * Saturation 1.2 takes testsrc2's bars outside the RGB gamut. The renderer clips each layer to RGB before the
     * mix; on the planes the layers are mixed as they are and clipped when shown, as ffmpeg's {@code eq} and
     * {@code xfade} do (which is why a drafted cross-fade differs from the renderer's by a mean of up to 13 there,
     * and the export's SSIM against the filter graph is no lower). The drafted frame is its drafted layers mixed.
     */
    @Test
    void aCrossFadeOnThePlanesIsItsLayersMixedAsXfadeMixesThem() throws Exception {
        Project both = PreviewFixtures.project(a, b, 0.02, 2, 1.1, 1.2);
        Track t = both.videoTracks().get(0);
        try (DraftPictures draft = open(both); DraftPictures from = open(only(both, t.clips().get(0)));
                DraftPictures to = open(only(both, t.clips().get(1)))) {
            for (long f = 25; f < 30; f++) {
                byte[] mixed = copy(from.render(f));
                PlaneOps.mix(mixed, copy(to.render(f)), (f - 25 + 1) / 6.0);
                byte[] drafted = copy(draft.render(f));
                int most = 0;
                for (int i = 0; i < mixed.length; i++) {
                    most = Math.max(most, Math.abs((mixed[i] & 0xFF) - (drafted[i] & 0xFF)));
                }
                assertTrue(most <= 1, "frame " + f + ": a sample differs by " + most);
            }
        }
    }

    /** As {@code eq}: contrast changes luma only, saturation chroma only. */
    @Test
    void contrastIsOnLumaAndSaturationOnChromaAsEq() throws Exception {
        Clip plain = new Clip("a", a, 0, 30, 0, List.of());
        byte[] none = drafted(plain);
        byte[] contrast = drafted(new Clip("a", a, 0, 30, 0, List.of(new Effect.ColourAdjust(0, 1.5, 1, 1))));
        byte[] saturation = drafted(new Clip("a", a, 0, 30, 0, List.of(new Effect.ColourAdjust(0, 1, 1.5, 1))));
        int luma = 160 * 120;
        assertArrayEquals(Arrays.copyOfRange(none, luma, none.length),
                Arrays.copyOfRange(contrast, luma, none.length), "contrast leaves chroma alone");
        assertFalse(Arrays.equals(Arrays.copyOf(none, luma), Arrays.copyOf(contrast, luma)), "contrast on luma");
        assertArrayEquals(Arrays.copyOf(none, luma), Arrays.copyOf(saturation, luma), "saturation leaves luma alone");
        assertFalse(Arrays.equals(none, saturation), "saturation on chroma");
    }

    private static byte[] drafted(Clip clip) throws Exception {
        Project p = new Project("eq", 320, 240, PreviewFixtures.RATE, 48000, List.of(new Track("V1", TrackKind.VIDEO,
                List.of(clip), List.of())));
        try (DraftPictures d = open(p)) {
            return copy(d.render(5));
        }
    }

    private static Project only(Project p, Clip c) {
        return new Project(p.name(), p.width(), p.height(), p.rate(), p.sampleRate(), List.of(new Track("V1",
                TrackKind.VIDEO, List.of(c), List.of())));
    }

    private static DraftPictures open(Project p) {
        return new DraftPictures(p, 160, 120, DefaultTimelineRenderer.opener(p, 160, 120, true));
    }

    private static byte[] copy(Frame f) {
        assertNotNull(f, "drafted");
        return TestMedia.bytes(f);
    }

    @Test
    void gammaIsLeftToTheRgbaPath() {
        Project gamma = new Project("gamma", 320, 240, PreviewFixtures.RATE, 48000, List.of(new Track("V1",
                TrackKind.VIDEO, List.of(new Clip("a", a, 0, 30, 0, List.of(new Effect.ColourAdjust(0, 1, 1, 1.5)))),
                List.of())));
        assertFalse(DraftPictures.effectsAllow(gamma));
    }

    private static double difference(DraftPictures draft, TimelinePictures rgba, long frame) throws Exception {
        Frame yuv = draft.render(frame);
        assertNotNull(yuv, "frame " + frame + " drafted");
        VideoFormat f = draft.format().orElseThrow();
        ByteBuffer out = ByteBuffer.allocateDirect(160 * 120 * 4);
        Lookup.getDefault().lookup(VideoProcessor.class).process(yuv, List.of(new ConvertToRgba(f.matrix(),
                f.range())), out);
        byte[] mine = new byte[160 * 120 * 4];
        out.duplicate().clear().get(mine);
        return TestMedia.meanAbsDiff(TestMedia.bytes(rgba.render(frame)), mine);
    }
}
