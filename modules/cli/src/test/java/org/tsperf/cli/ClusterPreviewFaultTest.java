package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * {@code tsperf render --preview --cluster} when things go wrong, with {@code tsperf worker} JVMs on 127.0.0.1: a
 * worker killed with kill -9 while it holds a chunk, a member without the secret and one whose results are forged, a
 * clip outside the workers' media roots. Every chunk that is stored is the very file a local render of it makes.
 */
class ClusterPreviewFaultTest {

    @TempDir
    Path dir;

    private final ClusterWorkers workers = new ClusterWorkers();
    private final PreviewTransfer transfer = Lookup.getDefault().lookup(PreviewTransfer.class);

    @AfterEach
    void killWorkers() throws InterruptedException {
        workers.close();
    }

    /** A run of {@code render ... --json}: its exit code, its JSON and its stderr. */
    private record Run(int rc, JsonObject doc, String err) {
    }

    /** {@code tsperf render ARGS --json} in this JVM on another thread; {@code err} can be read while it runs. */
    private static CompletableFuture<Run> render(List<String> args, StringWriter err) {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            List<String> all = new ArrayList<>(List.of("render"));
            all.addAll(args);
            all.add("--json");
            int rc = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            System.err.println("render " + args + " -> " + rc + ": " + out + "\n" + err);
            return new Run(rc, JsonParser.parseString(out.toString().trim()).getAsJsonObject(), err.toString());
        });
    }

    private static Run renderNow(List<String> args) throws Exception {
        return render(args, new StringWriter()).get(300, TimeUnit.SECONDS);
    }

    /** A clip of {@code seconds} at {@code width}x{@code height}, 25 fps, in {@code folder}. */
    private static Path clip(Path folder, String name, int seconds, int width, int height) throws Exception {
        Path clip = Files.createDirectories(folder).resolve(name);
        ClusterWorkers.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25", "-t",
                Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                clip.toString());
        return clip;
    }

    /** A project of {@code frames} of each clip, one after the other on one track, new to this machine's cache. */
    private static Project project(int width, int height, long frames, Path... clips) {
        double brightness = 0.01 + (System.nanoTime() % 1000) / 20000.0;
        List<Clip> list = new ArrayList<>();
        for (int i = 0; i < clips.length; i++) {
            list.add(new Clip("c" + i, clips[i], 0, frames, i * frames,
                    List.of(new Effect.ColourAdjust(brightness, 1.1, 1.2, 1), new Effect.Blur(1.5))));
        }
        return new Project("cluster-preview-faults", width, height, new FrameRate(25, 1), 48000, List.of(
                new Track("V1", TrackKind.VIDEO, list, List.of())));
    }

    private static Path write(Project p, Path media) throws Exception {
        Path file = media.resolve("p.tsproj");
        Lookup.getDefault().lookup(TimelineService.class).write(p, file);
        return file;
    }

    /** Every chunk is in this machine's cache (a local run renders none) and is the local render of it, bytes. */
    private void assertCachedAsLocal(Project p, Path file, List<PreviewChunk> chunks) throws Exception {
        JsonObject local = renderNow(List.of(file.toString(), "--preview")).doc();
        assertEquals(0, local.get("chunksRendered").getAsInt(), "all there already: " + local);
        PreviewRenderService previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        for (PreviewChunk chunk : chunks) {
            Path mine = dir.resolve("local-" + chunk.index() + ".mp4");
            transfer.renderInto(p, chunk, mine);
            try (PreviewRenderService.RenderedChunk r = previews.rendered(chunk).orElseThrow()) {
                assertArrayEquals(Files.readAllBytes(mine), Files.readAllBytes(r.file()),
                        "chunk " + chunk.index() + " from the cluster is the local render of it");
            }
        }
    }

    private static void assertNoJobFolder(Path media) throws Exception {
        try (Stream<Path> files = Files.list(media)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".tsperf-cluster-")),
                    "the job folder is removed");
        }
    }

    /**
     * The {@code chunks} of a cluster run: every item of {@code pending} once, none twice, each with the member that
     * rendered it; returns item to member.
     */
    private static Map<Integer, String> chunkMembers(JsonObject doc, List<PreviewChunk> pending) {
        Map<Integer, String> members = new TreeMap<>();
        for (JsonElement e : doc.getAsJsonArray("chunks")) {
            JsonObject c = e.getAsJsonObject();
            int item = c.get("item").getAsInt();
            assertTrue(members.put(item, c.get("member").getAsString()) == null, "item " + item + " twice: " + doc);
            PreviewChunk chunk = pending.get(item);
            assertEquals(chunk.index(), c.get("index").getAsInt(), c.toString());
            assertEquals(chunk.start(), c.get("start").getAsLong(), c.toString());
            assertEquals(chunk.end(), c.get("end").getAsLong(), c.toString());
            assertTrue(c.get("attempts").getAsInt() >= 1, c.toString());
        }
        assertEquals(pending.size(), members.size(), "every chunk present: " + doc);
        return members;
    }

    /** Whether the coordinator's lines show {@code address} holding a chunk: handed more than it answered. */
    private static boolean holding(String err, String address) {
        String a = Pattern.quote(address);
        return count(err, "\\) to " + a + "$") > count(err, "\\) done by " + a + "$")
                + count(err, "\\) failed on " + a + ": ");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void signal(String signal, Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + p.pid());
    }

    @Test
    @Timeout(400)
    void aWorkerKilledMidPreviewHasItsChunkRenderedElsewhereAndIsNamed() throws Exception {
        Path media = dir.resolve("media");
        Project p = project(640, 360, 150, clip(media, "clip.mp4", 6, 640, 360));
        Path file = write(p, media);
        List<PreviewChunk> pending = transfer.pending(p);
        assertTrue(pending.size() >= 4, "chunks to render: " + pending);
        List<String> args = new ArrayList<>(List.of(file.toString(), "--preview"));
        args.addAll(workers.cluster(dir, media, 2));
        StringWriter err = new StringWriter();
        CompletableFuture<Run> job = render(args, err);

        Pattern handed = Pattern.compile("\\) to (127\\.0\\.0\\.1:(\\d+))$", Pattern.MULTILINE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Matcher m;
        while (!(m = handed.matcher(err.toString())).find()) {
            assertTrue(System.nanoTime() < deadline && !job.isDone(), "no chunk handed out within 120 s: " + err);
            Thread.sleep(20);
        }
        String victim = m.group(1);
        Process victimProcess = workers.byPort.get(Integer.parseInt(m.group(2)));
        // stopped first, so that it dies holding a chunk rather than between two: a stopped worker answers nothing
        signal("STOP", victimProcess);
        while (!holding(err.toString(), victim)) {
            assertTrue(System.nanoTime() < deadline && !job.isDone(), victim + " holds no chunk: " + err);
            Thread.sleep(20);
        }
        signal("KILL", victimProcess);
        assertTrue(victimProcess.waitFor(30, TimeUnit.SECONDS), "the victim is gone");

        Run r = job.get(300, TimeUnit.SECONDS);
        assertEquals(0, r.rc(), r.err());
        JsonObject doc = r.doc();
        assertEquals(pending.size(), doc.get("pending").getAsInt(), doc.toString());
        assertEquals(pending.size(), doc.get("stored").getAsInt(), "every chunk stored: " + doc);
        assertEquals(0, doc.get("refusedResults").getAsInt(), doc.toString());
        boolean named = false;
        for (JsonElement e : doc.getAsJsonArray("failures")) {
            JsonObject f = e.getAsJsonObject();
            named |= f.get("member").getAsString().equals(victim) && f.get("reason").getAsString()
                    .contains("left the cluster");
        }
        assertTrue(named, "the killed worker is named: " + doc);
        Map<Integer, String> members = chunkMembers(doc, pending);
        for (JsonElement e : doc.getAsJsonArray("failures")) {
            int item = e.getAsJsonObject().get("item").getAsInt();
            assertFalse(members.get(item).equals(victim), "chunk " + item + " was rendered again elsewhere: " + doc);
        }
        assertTrue(r.err().contains("failed on member " + victim + ": the member left the cluster"), r.err());
        assertCachedAsLocal(p, file, pending);
        assertNoJobFolder(media);
    }

    @Test
    @Timeout(400)
    void aMemberWithoutTheSecretGetsNoPreviewWorkAndAForgedResultIsRefused() throws Exception {
        Path media = dir.resolve("media");
        Project p = project(320, 240, 100, clip(media, "clip.mp4", 4, 320, 240));
        Path file = write(p, media);
        List<PreviewChunk> pending = transfer.pending(p);
        List<String> args = new ArrayList<>(List.of(file.toString(), "--preview"));
        args.addAll(workers.cluster(dir, media, List.of(ClusterWorkers.Worker.HONEST,
                ClusterWorkers.Worker.STRANGER, ClusterWorkers.Worker.FORGER)));
        String stranger = "127.0.0.1:" + (Integer.parseInt(args.get(args.indexOf("--port") + 1)) + 2);
        String forger = "127.0.0.1:" + (Integer.parseInt(args.get(args.indexOf("--port") + 1)) + 3);

        Run r = renderNow(args);
        assertEquals(0, r.rc(), "the honest worker rendered what the forger's refused results lacked: " + r.err());
        JsonObject doc = r.doc();
        assertEquals(pending.size(), doc.get("stored").getAsInt(), doc.toString());
        assertTrue(doc.get("refusedResults").getAsInt() > 0, "the forger's results were refused: " + doc);
        for (JsonElement e : doc.getAsJsonArray("failures")) {
            JsonObject f = e.getAsJsonObject();
            assertEquals(forger, f.get("member").getAsString(), "only the forger failed: " + doc);
            assertTrue(f.get("reason").getAsString().contains("refused"), f.toString());
        }
        for (String member : chunkMembers(doc, pending).values()) {
            assertFalse(member.equals(stranger) || member.equals(forger), "rendered by " + member + ": " + doc);
        }
        assertFalse(Pattern.compile("\\) to " + Pattern.quote(stranger) + "$", Pattern.MULTILINE)
                .matcher(r.err()).find(), "the stranger was handed nothing: " + r.err());
        assertCachedAsLocal(p, file, pending.subList(0, 1));
        assertNoJobFolder(media);
    }

    @Test
    @Timeout(400)
    void aClipOutsideTheWorkersMediaRootsIsRefusedWithTheReason() throws Exception {
        Path media = dir.resolve("media");
        Path inside = clip(media, "inside.mp4", 1, 320, 240);
        Path outside = clip(dir.resolve("elsewhere"), "outside.mp4", 1, 320, 240);
        Project p = project(320, 240, 25, inside, outside);
        Path file = write(p, media);
        List<PreviewChunk> pending = transfer.pending(p);
        assertEquals(2, pending.size(), pending.toString());
        List<String> args = new ArrayList<>(List.of(file.toString(), "--preview"));
        args.addAll(workers.cluster(dir, media, 2));

        Run r = renderNow(args);
        assertEquals(Main.FAILURE, r.rc(), r.err());
        JsonObject doc = r.doc();
        assertEquals(2, doc.get("pending").getAsInt(), doc.toString());
        assertEquals(0, doc.get("stored").getAsInt(), doc.toString());
        assertEquals(2, doc.getAsJsonArray("errors").size(), doc.toString());
        assertEquals(0, doc.getAsJsonArray("chunks").size(), doc.toString());
        for (JsonElement e : doc.getAsJsonArray("errors")) {
            String error = e.getAsString();
            assertTrue(error.contains("failed 3 times") && error.contains(outside.toString())
                    && error.contains("outside this worker's media roots"), error);
        }
        assertTrue(r.err().contains("outside this worker's media roots"), "said on stderr: " + r.err());
        assertEquals(pending, transfer.pending(p), "nothing stored");
        assertNoJobFolder(media);
    }
}
