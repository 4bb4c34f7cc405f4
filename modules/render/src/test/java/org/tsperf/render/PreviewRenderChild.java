package org.tsperf.render;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;

/**
 * The process {@link PreviewKillNineTest} kills: {@code render CLIP} renders the preview of a 12-chunk project and
 * prints {@code stored N} as each chunk is in the cache; {@code check CLIP} (the next process, same cache) prints
 * {@code whole N} for every chunk the cache holds with all its frames, {@code missing N} for the others, then
 * {@code rendered N} from a second render and {@code leftover NAME} for each temporary file still there.
 */
public final class PreviewRenderChild {

    private PreviewRenderChild() {
    }

    static Project project(Path clip) {
        return new Project("kill", 320, 240, PreviewFixtures.RATE, 48000, List.of(new Track("V1", TrackKind.VIDEO,
                List.of(new Clip("a", clip, 0, 300, 0, List.of(new Effect.ColourAdjust(0.05, 1.1, 1.2, 1)))),
                List.of())));
    }

    public static void main(String[] args) throws Exception {
        Project p = project(Path.of(args[1]));
        PreviewRenderService previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        if (args[0].equals("render")) {
            PreviewSettings.preferences().putLong(PreviewSettings.IDLE_KEY, 3_600_000); // renderAll only
            Set<Integer> said = new HashSet<>();
            previews.addListener(states -> {
                for (PreviewRenderService.ChunkState s : states) {
                    if (s.state() == PreviewState.RENDERED && said.add(s.chunk().index())) {
                        System.out.println("stored " + s.chunk().index());
                        System.out.flush();
                    }
                }
            });
            previews.track(p);
            previews.renderAll(p, rp -> { }).get(5, TimeUnit.MINUTES);
            System.out.println("finished");
            return;
        }
        MediaProbe probe = Lookup.getDefault().lookup(MediaProbe.class);
        for (PreviewChunk c : PreviewQueue.chunks(p)) {
            var r = previews.rendered(c);
            if (r.isEmpty()) {
                System.out.println("missing " + c.index());
                continue;
            }
            try (PreviewRenderService.RenderedChunk chunk = r.get()) {
                long frames = probe.probe(chunk.file()).mainVideo().orElseThrow().frameCount();
                System.out.println((frames == c.end() - c.start() ? "whole " : "half ") + c.index());
            }
        }
        System.out.println("rendered " + previews.renderAll(p, rp -> { }).get(5, TimeUnit.MINUTES));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(PreviewFiles.defaultDirectory())) {
            for (Path f : files) {
                System.out.println("leftover " + f.getFileName());
            }
        } catch (IOException ex) {
            System.out.println("leftover-unreadable " + ex);
        }
        System.exit(0); // the cache's and task system's threads would keep the JVM alive
    }
}
