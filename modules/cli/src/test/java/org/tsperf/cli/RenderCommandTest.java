package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.TimelineService;

/** The render command's refusals and messages; the export itself is tested in the render module. */
class RenderCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void withoutTheTimelineModuleItSaysSoAndWritesNothing() throws Exception {
        assertNull(Lookup.getDefault().lookup(TimelineService.class), "the timeline module is not on this classpath");
        Path project = Files.writeString(dir.resolve("p.json"), "{}");
        Outcome o = run("render", project.toString(), "--out", dir.resolve("o.mp4").toString());
        assertEquals(Main.FAILURE, o.code());
        assertTrue(o.err().contains("the timeline module is not installed"), o.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the project file");
        }
    }

    @Test
    void previewTakesNoOutputFile() {
        Outcome o = run("render", dir.resolve("p.json").toString(), "--preview", "--out", "x.mp4");
        assertEquals(Main.USAGE, o.code());
        assertTrue(o.err().contains("--preview fills the preview cache: it takes no --out or --range"), o.err());
    }

    @Test
    void previewWithoutTheTimelineModuleSaysSo() throws Exception {
        Path project = Files.writeString(dir.resolve("p.json"), "{}");
        Outcome o = run("render", project.toString(), "--preview");
        assertEquals(Main.FAILURE, o.code());
        assertTrue(o.err().contains("the timeline module is not installed"), o.err());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Outcome o = run("render", dir.resolve("p.json").toString(), "--out", "x.mp4", "--format", "vp9");
        assertEquals(Main.USAGE, o.code());
        assertTrue(o.err().contains("unknown export format \"vp9\""), o.err());
    }

    @Test
    void progressLinesSayFramesSpeedAndEta() {
        assertEquals("30/120 frames (25 %), 0.50x real time, ETA 6 s",
                RenderCommand.progressLine(new RenderProgress(30, 120, 0.5, 6)));
        assertEquals("1/120 frames (1 %), 0.10x real time", RenderCommand.progressLine(new RenderProgress(1, 120, 0.1,
                -1)));
    }
}
