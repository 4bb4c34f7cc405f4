package org.tsperf.timeline;

import java.nio.file.Path;
import java.util.List;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/** Projects on the shared real clips, and the service as the workbench finds it. */
public final class Projects {

    /** {@code ../shared/media/real} beside the checkout (found from the module folder the tests run in). */
    static final Path MEDIA = System.getProperty("tsperf.media") != null
            ? Path.of(System.getProperty("tsperf.media")).toAbsolutePath() : sharedRealMedia();
    public static final Path CAR = MEDIA.resolve("car-detection.mp4");
    static final Path BOTTLE = MEDIA.resolve("bottle-detection.mp4");
    static final FrameRate NTSC = new FrameRate(30000, 1001);

    private Projects() {
    }

    private static Path sharedRealMedia() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.isDirectory(p.resolve("modules"))
                    && java.nio.file.Files.isRegularFile(p.resolve("pom.xml")) && p.getParent() != null) {
                return p.getParent().resolve("shared").resolve("media").resolve("real");
            }
        }
        return Path.of("shared", "media", "real").toAbsolutePath();
    }

    static TimelineService service() {
        TimelineService s = Lookup.getDefault().lookup(TimelineService.class);
        if (s == null) {
            throw new AssertionError("no TimelineService in Lookup: the module's @ServiceProvider is missing");
        }
        return s;
    }

    /**
     * Every field used: two video tracks (effects of each kind, a cross-fade), an audio track, a 29.97 rate and a
     * sample rate other than the default.
     */
    static Project everything() {
        Clip a = new Clip("a", CAR, 12, 90, 0, List.of(new Effect.ColourAdjust(0.1, 1.2, 0.9, 1.1)));
        Clip b = new Clip("b", BOTTLE, 0, 60, 75, List.of(new Effect.Blur(2.5)));
        Clip title = new Clip("title \u00e9", BOTTLE, 30, 40, 20, List.of(new Effect.Opacity(0.5)));
        Clip sound = new Clip("s", CAR, 0, 120, 5, List.of());
        return new Project("Everything \u2013 t\u00e9st", 1920, 1080, NTSC, 44100, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(a, b), List.of(new Transition("a", "b", 15))),
                new Track("V2", TrackKind.VIDEO, List.of(title), List.of()),
                new Track("A1", TrackKind.AUDIO, List.of(sound), List.of())));
    }

    /** Three clips of 60 frames one after another on V1 (frames 0-180), an empty V2 and A1. */
    static Project threeInARow() {
        return new Project("Row", 1920, 1080, new FrameRate(30, 1), 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(
                        new Clip("c1", CAR, 0, 60, 0, List.of()),
                        new Clip("c2", BOTTLE, 0, 60, 60, List.of()),
                        new Clip("c3", CAR, 100, 60, 120, List.of())), List.of()),
                new Track("V2", TrackKind.VIDEO, List.of(), List.of()),
                new Track("A1", TrackKind.AUDIO, List.of(), List.of())));
    }
}
