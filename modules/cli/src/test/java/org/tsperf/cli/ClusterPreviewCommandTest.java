package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewTransfer;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;

/**
 * {@code tsperf render --preview --cluster}: two {@code tsperf worker} JVMs on 127.0.0.1 render the preview chunks
 * this JVM's cache lacks; this JVM stores them, so a local {@code render --preview} renders nothing, and a chunk in
 * the cache is the very file a local render of it makes.
 */
class ClusterPreviewCommandTest {

    @TempDir
    Path dir;

    private final ClusterWorkers workers = new ClusterWorkers();

    @AfterEach
    void killWorkers() throws InterruptedException {
        workers.close();
    }

    private static JsonObject render(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("render"));
        all.addAll(args);
        all.add("--json");
        int rc = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        System.err.println("render " + args + " -> " + rc + ": " + out + "\n" + err);
        assertEquals(0, rc, err.toString());
        return JsonParser.parseString(out.toString().trim()).getAsJsonObject();
    }

    @Test
    @Timeout(400)
    void theClusterFillsThePreviewCacheAndALocalRunRendersNothing() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path clip = media.resolve("clip.mp4");
        ClusterWorkers.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-t", "3", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.toString());
        double brightness = 0.01 + (System.nanoTime() % 1000) / 20000.0; // chunks new to this machine's cache
        Project p = new Project("cluster-preview", 160, 120, new FrameRate(25, 1), 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(new Clip("a", clip, 0, 60, 0,
                        List.of(new Effect.ColourAdjust(brightness, 1.1, 1.2, 1)))), List.of())));
        Path file = media.resolve("p.tsproj");
        Lookup.getDefault().lookup(TimelineService.class).write(p, file);
        PreviewTransfer transfer = Lookup.getDefault().lookup(PreviewTransfer.class);
        List<PreviewChunk> pending = transfer.pending(p);
        assertTrue(pending.size() >= 2, "chunks to render: " + pending);

        List<String> args = new ArrayList<>(List.of(file.toString(), "--preview"));
        args.addAll(workers.cluster(dir, media, 2));
        JsonObject doc = render(args);
        assertEquals(pending.size(), doc.get("pending").getAsInt(), doc.toString());
        assertEquals(pending.size(), doc.get("stored").getAsInt(), doc.toString());
        assertEquals(0, doc.get("refusedResults").getAsInt(), doc.toString());
        Set<Integer> items = new TreeSet<>();
        List<String> workerAddresses = List.of(args.get(args.indexOf("--member") + 1).split(","));
        for (JsonElement e : doc.getAsJsonArray("chunks")) {
            JsonObject c = e.getAsJsonObject();
            assertTrue(items.add(c.get("item").getAsInt()), "each chunk once: " + doc);
            assertEquals(pending.get(c.get("item").getAsInt()).index(), c.get("index").getAsInt(), c.toString());
            assertTrue(workerAddresses.contains(c.get("member").getAsString()), "rendered by a worker: " + c);
        }
        assertEquals(pending.size(), items.size(), "every chunk named, with the member that rendered it: " + doc);

        JsonObject local = render(List.of(file.toString(), "--preview"));
        assertEquals(0, local.get("chunksRendered").getAsInt(), "all there already: " + local);
        JsonObject again = render(args);
        assertEquals(0, again.get("pending").getAsInt(), "nothing handed out: " + again);

        PreviewChunk chunk = pending.get(0);
        Path mine = dir.resolve("local-chunk.mp4");
        transfer.renderInto(p, chunk, mine);
        try (PreviewRenderService.RenderedChunk r = Lookup.getDefault().lookup(PreviewRenderService.class)
                .rendered(chunk).orElseThrow()) {
            assertArrayEquals(Files.readAllBytes(mine), Files.readAllBytes(r.file()),
                    "the cluster's chunk is the local render of it");
        }
        try (var files = Files.list(media)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".tsperf-cluster-")),
                    "the job folder is removed");
        }
    }

    @Test
    @Timeout(400)
    void thePreviewChunksInFlightShowInClusterStatus() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path clip = media.resolve("clip.mp4");
        ClusterWorkers.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-t", "30", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.toString());
        double brightness = 0.01 + (System.nanoTime() % 1000) / 20000.0;
        Project p = new Project("cluster-preview-status", 1280, 720, new FrameRate(25, 1), 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(new Clip("a", clip, 0, 750, 0, List.of(
                        new Effect.ColourAdjust(brightness, 1.1, 1.2, 1), new Effect.Blur(2)))), List.of())));
        Path file = media.resolve("p.tsproj");
        Lookup.getDefault().lookup(TimelineService.class).write(p, file);
        List<String> cluster = workers.cluster(dir, media, 2);
        List<String> workerAddresses = List.of(cluster.get(cluster.indexOf("--member") + 1).split(","));
        List<String> args = new ArrayList<>(List.of("render", file.toString(), "--preview"));
        args.addAll(cluster);
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> Main.run(args.toArray(String[]::new),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
        // another coordinator, on a port of its own, as './tsperf cluster status' on another machine would be
        List<String> status = new ArrayList<>(List.of("cluster", "status"));
        status.addAll(cluster);
        status.set(status.indexOf("--port") + 1, Integer.toString(ClusterWorkers.freePorts(1)));
        status.add("--json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        JsonObject seen = null;
        while (seen == null) {
            assertTrue(System.nanoTime() < deadline && !job.isDone(), "no preview chunk in flight seen: " + err);
            StringWriter out = new StringWriter();
            StringWriter statusErr = new StringWriter();
            assertEquals(0, Main.run(status.toArray(String[]::new), new PrintWriter(out, true),
                    new PrintWriter(statusErr, true)), statusErr.toString());
            for (JsonElement e : JsonParser.parseString(out.toString().trim()).getAsJsonObject()
                    .getAsJsonArray("inFlight")) {
                if (e.getAsJsonObject().get("kind").getAsString().equals("preview")) {
                    seen = e.getAsJsonObject();
                }
            }
        }
        assertTrue(workerAddresses.contains(seen.get("member").getAsString()), "on a worker: " + seen);
        long frames = seen.get("frames").getAsLong();
        assertTrue(frames == 0 || frames == 25, "a chunk's frames, once its worker planned it: " + seen);
        assertEquals(0, job.get(300, TimeUnit.SECONDS), err.toString());
    }
}
