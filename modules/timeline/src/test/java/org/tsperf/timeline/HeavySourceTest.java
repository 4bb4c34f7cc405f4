package org.tsperf.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.Project;

/**
 * Sources too heavy to decode in real time make their chunks need rendering: real files made with the system ffmpeg,
 * probed by the media module's real {@link MediaProbe} from Lookup.
 */
class HeavySourceTest {

    @TempDir
    Path temp;

    private Path make(String name, String size, int fps) throws IOException, InterruptedException {
        Path out = temp.resolve(name);
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + size + ":rate=" + fps, "-frames:v", "2", "-c:v", "libx264", "-preset",
                "ultrafast", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffmpeg did not finish within 60 s");
        assertEquals(0, p.exitValue(), "ffmpeg failed: " + log);
        assertTrue(Files.size(out) > 0);
        return out;
    }

    @Test
    void aSourceOverUhdAtThirtyFramesNeedsRenderingAndOneAtTheLimitDoesNot() throws Exception {
        assertNotNull(Lookup.getDefault().lookup(MediaProbe.class), "the media module's prober is in Lookup");
        Path heavy = make("uhd60.mp4", "3840x2160", 60);
        Path limit = make("uhd30.mp4", "3840x2160", 30);
        Project p = Project.empty("heavy", 3840, 2160, new FrameRate(30, 1));
        p = Edits.apply(p, new Edit.AddClip("V1", new Clip("light", Projects.CAR, 0, 30, 0, List.of())));
        p = Edits.apply(p, new Edit.AddClip("V1", new Clip("limit", limit, 0, 30, 30, List.of())));
        p = Edits.apply(p, new Edit.AddClip("V1", new Clip("heavy", heavy, 0, 30, 60, List.of())));
        List<PreviewChunk> chunks = Projects.service().chunks(p, 960, 540, 30, "test 1");
        assertEquals(List.of(false, false, true), chunks.stream().map(PreviewChunk::needsRender).toList(),
                "640x360 and 3840x2160 at 30 fps play in real time; 3840x2160 at 60 fps does not");
        // the answer is remembered: the same chunks again without the prober changing anything
        assertEquals(chunks, Projects.service().chunks(p, 960, 540, 30, "test 1"));
    }
}
