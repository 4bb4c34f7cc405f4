package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;

/**
 * {@code tsperf proxy --cluster}: {@code tsperf worker} JVMs on 127.0.0.1 make the proxies of one source each in the
 * job folder beside the sources, and the coordinator (this JVM) takes them into its store, where a later
 * {@code tsperf proxy} on this machine finds them up to date.
 */
class ClusterProxyCommandTest {

    @TempDir
    Path dir;

    private final ClusterWorkers workers = new ClusterWorkers();

    @AfterEach
    void killWorkers() throws InterruptedException {
        workers.close();
    }

    /** A clip of {@code seconds} at 1280x720, 25 fps, with sound. */
    private static Path clip(Path media, String name, int seconds) throws Exception {
        Path clip = media.resolve(name);
        ClusterWorkers.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", Integer.toString(seconds), "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip.toString());
        return clip;
    }

    /** {@code tsperf proxy} in this JVM on another thread; its stderr can be read while it runs. */
    private static CompletableFuture<JsonObject> proxy(List<String> args, StringWriter err) {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            List<String> all = new ArrayList<>(List.of("proxy"));
            all.addAll(args);
            all.add("--json");
            Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            return JsonParser.parseString(out.toString().trim()).getAsJsonObject();
        });
    }

    private static Map<String, JsonObject> bySource(JsonObject doc) {
        Map<String, JsonObject> m = new HashMap<>();
        for (JsonElement e : doc.getAsJsonArray("results")) {
            m.put(e.getAsJsonObject().get("source").getAsString(), e.getAsJsonObject());
        }
        return m;
    }

    /** Each proxy of a result is in the store, as wide as listed, with the source's frames. */
    private static void assertValidProxies(JsonObject result, Path source, Path store) throws Exception {
        assertEquals("generated", result.get("status").getAsString(), result.toString());
        MediaProbe probe = Lookup.getDefault().lookup(MediaProbe.class);
        VideoStreamInfo src = probe.probe(source).mainVideo().orElseThrow();
        JsonArray proxies = result.getAsJsonArray("proxies");
        assertEquals(1, proxies.size(), "a 1280x720 source gets Half only: " + result);
        for (JsonElement e : proxies) {
            JsonObject p = e.getAsJsonObject();
            Path file = Path.of(p.get("path").getAsString());
            assertEquals(store, file.getParent(), "the proxy lies in the coordinator's store");
            VideoStreamInfo v = probe.probe(file).mainVideo().orElseThrow();
            assertEquals(640, v.width());
            assertEquals(360, v.height());
            assertEquals(p.get("width").getAsInt(), v.width());
            assertTrue(Math.abs(src.frameCount() - v.frameCount()) <= 1, "frames: " + v.frameCount() + " of "
                    + src.frameCount());
            assertEquals(Files.size(file), p.get("sizeBytes").getAsLong());
        }
    }

    /** The same sources asked again on this machine alone: found in the store's index, nothing made. */
    private static void assertRegistered(Path store, Path... sources) {
        List<String> args = new ArrayList<>();
        for (Path s : sources) {
            args.add(s.toString());
        }
        args.addAll(List.of("--store", store.toString()));
        JsonObject again = proxy(args, new StringWriter()).join();
        for (JsonElement e : again.getAsJsonArray("results")) {
            assertEquals("up_to_date", e.getAsJsonObject().get("status").getAsString(), e.toString());
        }
    }

    private static void assertNoJobFolder(Path media) throws Exception {
        try (Stream<Path> files = Files.list(media)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".tsperf-cluster-")),
                    "the job folder is removed");
        }
    }

    @Test
    @Timeout(400)
    void twoFilesAreMadeByTwoWorkersAndTakenIntoTheStore() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path a = clip(media, "a.mp4", 4);
        Path b = clip(media, "b.mp4", 5); // another content: proxies of its own
        Path outside = Files.copy(a, Files.createDirectories(dir.resolve("elsewhere")).resolve("c.mp4"));
        Path store = dir.resolve("store");
        List<String> args = new ArrayList<>(List.of(a.toString(), b.toString(), outside.toString(), "--store",
                store.toString()));
        args.addAll(workers.cluster(dir, media, 2));
        StringWriter err = new StringWriter();
        JsonObject doc = proxy(args, err).get(300, TimeUnit.SECONDS);
        System.err.println("cluster proxies: " + doc + "\n" + err);
        Map<String, JsonObject> results = bySource(doc);
        assertValidProxies(results.get(a.toString()), a, store);
        assertValidProxies(results.get(b.toString()), b, store);
        JsonObject refused = results.get(outside.toString());
        assertEquals("failed", refused.get("status").getAsString());
        assertTrue(refused.get("error").getAsString().contains("outside this worker's media roots")
                && refused.get("error").getAsString().contains("failed 3 times"), refused.toString());
        JsonObject c = doc.getAsJsonObject("cluster");
        Set<String> members = new HashSet<>();
        for (JsonElement e : c.getAsJsonArray("files")) {
            members.add(e.getAsJsonObject().get("member").getAsString());
        }
        assertEquals(2, members.size(), "one source on each worker: " + c);
        assertRegistered(store, a, b);
        assertNoJobFolder(media);
    }

    @Test
    @Timeout(400)
    void aWorkerKilledMidFileHasTheFileMadeByAnother() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path a = clip(media, "long.mp4", 20);
        Path store = dir.resolve("store");
        List<String> args = new ArrayList<>(List.of(a.toString(), "--store", store.toString()));
        args.addAll(workers.cluster(dir, media, 2));
        StringWriter err = new StringWriter();
        CompletableFuture<JsonObject> job = proxy(args, err);
        // the worker it went to, once its ffmpeg writes the proxy
        Pattern handedTo = Pattern.compile("the proxies of " + Pattern.quote(a.toString())
                + " to 127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Matcher m;
        while (!(m = handedTo.matcher(err.toString())).find() || !writing(media)) {
            assertTrue(System.nanoTime() < deadline && !job.isDone(), "no worker writing the proxy within 120 s: "
                    + err);
            Thread.sleep(20);
        }
        int victimPort = Integer.parseInt(m.group(1));
        String victim = "127.0.0.1:" + victimPort;
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(workers.byPort.get(victimPort).pid())).inheritIO()
                .start();
        assertEquals(0, kill.waitFor());
        JsonObject doc = job.get(300, TimeUnit.SECONDS);
        System.err.println("cluster proxies after a kill: " + doc + "\n" + err);
        assertValidProxies(bySource(doc).get(a.toString()), a, store);
        JsonObject c = doc.getAsJsonObject("cluster");
        boolean named = false;
        for (JsonElement e : c.getAsJsonArray("failures")) {
            JsonObject f = e.getAsJsonObject();
            named |= f.get("member").getAsString().equals(victim) && f.get("reason").getAsString()
                    .contains("left the cluster");
        }
        assertTrue(named, "the killed worker is named: " + c);
        JsonObject made = c.getAsJsonArray("files").get(0).getAsJsonObject();
        assertFalse(made.get("member").getAsString().equals(victim), "made elsewhere: " + c);
        assertEquals(2, made.get("attempts").getAsInt(), c.toString());
        assertRegistered(store, a);
        assertNoJobFolder(media);
    }

    @Test
    @Timeout(400)
    void aCoordinatorKilledWithKill9ResumesFromTheSourcesDone() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path shortClip = clip(media, "short.mp4", 3);
        Path longClip = clip(media, "long.mp4", 12);
        Path store = dir.resolve("store");
        List<String> args = new ArrayList<>(List.of(shortClip.toString(), longClip.toString(), "--store",
                store.toString()));
        args.addAll(workers.cluster(dir, media, 2, "-Djava.util.logging.config.file="
                + ClusterWorkers.taskLogging(dir)));
        List<String> command = new ArrayList<>(List.of("proxy"));
        command.addAll(args);
        Path log = dir.resolve("coordinator.log");
        Process coordinator = ClusterWorkers.startCli(command, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (results(media).isEmpty()) {
                assertTrue(System.nanoTime() < deadline && coordinator.isAlive(), "no source done within 240 s: "
                        + Files.readString(log));
                Thread.sleep(20);
            }
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(coordinator.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(coordinator.waitFor(30, TimeUnit.SECONDS));
        } finally {
            coordinator.destroyForcibly();
        }
        Set<String> doneBefore = results(media);
        StringWriter err = new StringWriter();
        JsonObject doc = proxy(args, err).get(300, TimeUnit.SECONDS);
        System.err.println("cluster proxies resumed: " + doc + " (done before: " + doneBefore + ")\n" + err);
        Map<String, JsonObject> results = bySource(doc);
        assertValidProxies(results.get(shortClip.toString()), shortClip, store);
        assertValidProxies(results.get(longClip.toString()), longClip, store);
        JsonObject c = doc.getAsJsonObject("cluster");
        Set<Integer> resumed = new HashSet<>();
        for (JsonElement e : c.getAsJsonArray("files")) {
            JsonObject f = e.getAsJsonObject();
            if (f.get("attempts").getAsInt() == 0) {
                resumed.add(f.get("source").getAsString().equals(shortClip.toString()) ? 0 : 1);
            }
        }
        Set<Integer> before = new HashSet<>();
        for (String r : doneBefore) {
            before.add(Integer.parseInt(r.substring("proxies-".length(), "proxies-".length() + 5)));
        }
        assertTrue(!before.isEmpty() && resumed.containsAll(before), "resumed " + resumed + ", done before "
                + before);
        assertEquals(resumed.size(), c.get("resumed").getAsInt(), c.toString());
        // not made again: each worker logs every source it makes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (made(workers, shortClip) + made(workers, longClip) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (int index : before) {
            assertEquals(1, made(workers, index == 0 ? shortClip : longClip), "source " + index + " made once");
        }
        assertRegistered(store, shortClip, longClip);
        assertNoJobFolder(media);
    }

    /** The signed results of sources done in the job folder ({@code proxies-N.result}). */
    private static Set<String> results(Path media) throws Exception {
        try (Stream<Path> walk = Files.walk(media, 2)) {
            return walk.map(p -> p.getFileName().toString()).filter(n -> n.matches("proxies-\\d{5}\\.result"))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (java.io.UncheckedIOException ex) {
            return Set.of(); // a file went while the folder was walked
        }
    }

    /** How often the workers logged that they made the proxies of a source. */
    private static long made(ClusterWorkers workers, Path source) {
        List<String> lines;
        synchronized (workers.output) {
            lines = new ArrayList<>(workers.output);
        }
        return lines.stream().filter(l -> l.contains("made the proxies of " + source + " (source")).count();
    }

    /** Whether a worker's ffmpeg is writing a proxy in the job folder (a partial file in an attempt's folder). */
    private static boolean writing(Path media) throws Exception {
        try (Stream<Path> walk = Files.walk(media)) {
            return walk.anyMatch(p -> p.getFileName().toString().contains(".partial.")
                    && p.getParent().getFileName().toString().startsWith("proxies-"));
        } catch (java.io.UncheckedIOException ex) {
            return false; // a file went while the folder was walked
        }
    }
}
