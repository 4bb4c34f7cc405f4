package org.tsperf.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/** Project files written and read back, and files written by hand as the README describes them. */
class ProjectFileRoundTripTest {

    @TempDir
    Path temp;

    @Test
    void everyFieldSurvivesWritingAndReading() throws Exception {
        TimelineService service = Projects.service();
        Project project = Projects.everything();
        Path file = temp.resolve("everything.tsproj.json");
        service.write(project, file);
        Project back = service.read(file);
        assertEquals(project, back);
        // the record's equality covers every field; spot-check the ones easiest to lose
        assertEquals(new FrameRate(30000, 1001), back.rate());
        assertEquals(44100, back.sampleRate());
        assertEquals(List.of(new Transition("a", "b", 15)), back.track("V1").orElseThrow().transitions());
        assertEquals(List.of(new Effect.ColourAdjust(0.1, 1.2, 0.9, 1.1)), back.clip("a").orElseThrow().effects());
        assertEquals(TrackKind.AUDIO, back.track("A1").orElseThrow().kind());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"format\": \"tsperf-project\"") && text.contains("\"version\": 1")
                && text.contains("\"rate\": \"30000/1001\"") && text.contains(Projects.CAR.toString()), text);
        // writing what was read gives the same bytes: nothing drifts through a round trip
        Path again = temp.resolve("again.json");
        service.write(back, again);
        assertEquals(text, Files.readString(again, StandardCharsets.UTF_8));
    }

    @Test
    void aRelativeSourceIsFoundNextToTheProjectFileAndOptionalFieldsTakeTheirDefaults() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("job"));
        Files.copy(Projects.BOTTLE, folder.resolve("bottle.mp4"));
        Path file = folder.resolve("p.json");
        Files.writeString(file, """
                {"format": "tsperf-project", "version": 1, "name": "hand", "width": 1280, "height": 720,
                 "rate": "25",
                 "tracks": [{"id": "V1", "kind": "video",
                             "clips": [{"id": "x", "source": "bottle.mp4", "sourceIn": 0, "length": 50, "start": 10,
                                        "effects": [{"type": "colour", "brightness": 0.2}]}]}]}
                """);
        Project p = Projects.service().read(file);
        Clip x = p.clip("x").orElseThrow();
        assertEquals(folder.resolve("bottle.mp4").toAbsolutePath(), x.source());
        assertTrue(Files.isSameFile(folder.resolve("bottle.mp4"), x.source()));
        assertEquals(48000, p.sampleRate());
        assertEquals(new FrameRate(25, 1), p.rate());
        assertEquals(List.of(), p.track("V1").orElseThrow().transitions());
        assertEquals(List.of(new Effect.ColourAdjust(0.2, 1, 1, 1)), x.effects());
        assertEquals(60, p.length());
    }

    @Test
    void theReadmeExampleIsAProjectThisVersionReads() throws Exception {
        Path readme = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."), "README.md");
        if (!Files.exists(readme)) {
            readme = Path.of("../../README.md");
        }
        String text = Files.readString(readme);
        int section = text.indexOf("\n## Project files");
        assertTrue(section >= 0, "the README has a \"Project files\" section");
        int open = text.indexOf("```json\n", section);
        int close = text.indexOf("```", open + 8);
        assertTrue(open > 0 && close > open, "the section has a ```json example");
        String example = text.substring(open + 8, close)
                .replace("/media/car-detection.mp4", Projects.CAR.toString());
        Path file = temp.resolve("example.json");
        Files.writeString(file, example);
        Project p = Projects.service().read(file);
        assertTrue(p.tracks().size() >= 2 && !p.track("V1").orElseThrow().transitions().isEmpty(),
                "the example shows tracks and a transition: " + p);
        assertTrue(p.tracks().stream().flatMap(t -> t.clips().stream()).flatMap(c -> c.effects().stream())
                .map(Effect::displayName).distinct().count() == 3, "the example shows all three effects: " + p);
    }
}
