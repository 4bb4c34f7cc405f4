package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
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
    void draftedFramesAreTheRenderersBlurAndColourWithinRoundingAndCrossFadesAreLeftToIt() throws Exception {
        Project p = PreviewFixtures.project(a, b, 0.02, 2);
        assertTrue(DraftPictures.effectsAllow(p));
        try (DraftPictures draft = new DraftPictures(p, 160, 120, DefaultTimelineRenderer.opener(p, 160, 120, true));
                TimelinePictures rgba = Lookup.getDefault().lookup(TimelineRenderer.class).open(p, 160, 120, true)) {
            // frame 5: a with its colour adjust; 60: b with its blur (sigma 1 at half size); 27: the cross-fade
            assertTrue(difference(draft, rgba, 5) < 0.5, "colour adjust: " + difference(draft, rgba, 5));
            assertTrue(difference(draft, rgba, 60) < 4.5, "blur on the 4:2:0 planes: " + difference(draft, rgba, 60));
            assertNull(draft.render(27), "a frame of the cross-fade is left to the RGBA path");
            assertNotNull(draft.render(30), "after it, drafted again");
        }
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
