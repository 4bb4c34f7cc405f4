package org.tsperf.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./tsperf} commands write only where they say: their stores and user directory under the home
 * folder, and the outputs they are asked for. The media folder is left exactly as it was and the temporary folder
 * is empty once each command has ended. Each command runs with its own home, temporary folder and XDG cache folder,
 * so that anything written elsewhere in them is seen.
 */
class WriteLocationsTest {

    /** Where a command may write under its home: the product's user directory and cache, JavaCPP's native cache. */
    private static final List<String> HOME_ALLOWED = List.of("home/.tsperf/", "home/.cache/tsperf/",
            "home/.javacpp/");

    @TempDir
    Path root;

    @Test
    void commandsWriteOnlyIntoTheirStoresUserDirectoryAndOutputs() throws Exception {
        Path media = Files.createDirectories(root.resolve("media folder é"));
        Path clip = media.resolve("clip one.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-shortest", clip.toString());
        Path project = media.resolve("project.tsproj");
        Files.writeString(project, "{\"format\": \"tsperf-project\", \"version\": 1, \"name\": \"Writes\","
                + " \"width\": 320, \"height\": 180, \"rate\": \"25/1\", \"tracks\": [{\"id\": \"V1\", \"kind\":"
                + " \"video\", \"clips\": [{\"id\": \"a\", \"source\": \"clip one.mp4\", \"sourceIn\": 0, \"length\":"
                + " 25, \"start\": 0, \"effects\": [{\"type\": \"blur\", \"sigma\": 2}]}, {\"id\": \"b\", \"source\":"
                + " \"clip one.mp4\", \"sourceIn\": 25, \"length\": 25, \"start\": 25}]}]}",
                StandardCharsets.UTF_8);
        Map<String, Long> mediaBefore = listing(media);
        Path out = Files.createDirectories(root.resolve("out"));
        Files.createDirectories(root.resolve("home"));
        Files.createDirectories(root.resolve("tmp"));

        run("probe", clip.toString(), "--json");
        run("proxy", clip.toString(), "--resolutions", "quarter");
        run("frame", clip.toString(), "--index", "7", "--out", out.resolve("frame.png").toString());
        run("render", project.toString(), "--out", out.resolve("export.mp4").toString());
        run("render", project.toString(), "--preview");

        assertEquals(mediaBefore, listing(media), "the media folder is left as it was (no proxy, cache, sidecar or "
                + "temporary file beside the sources)");
        assertEquals(Map.of(), listing(root.resolve("tmp")), "every temporary file removed");
        assertEquals(List.of("out/export.mp4", "out/frame.png"), new ArrayList<>(listing(out).keySet()).stream()
                .map(p -> "out/" + p).toList(), "the outputs asked for, and nothing beside them");
        List<String> elsewhere = new ArrayList<>();
        for (String written : listing(root.resolve("home")).keySet()) {
            String rel = "home/" + written;
            if (HOME_ALLOWED.stream().noneMatch(rel::startsWith)) {
                elsewhere.add(rel);
            }
        }
        assertEquals(List.of(), elsewhere, "files written in the home folder outside the product's own folders");
        assertTrue(listing(root.resolve("home/.tsperf")).keySet().stream().anyMatch(p -> p.startsWith("proxies/")),
                "the proxy went into the default store, ~/.tsperf/proxies: " + listing(root.resolve("home")));
        assertTrue(listing(root.resolve("home/.cache/tsperf")).size() > 0, "the preview went into the cache under "
                + "$XDG_CACHE_HOME/tsperf");
    }

    /** Every regular file under {@code dir}, relative, with its size; sorted. */
    private static Map<String, Long> listing(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isDirectory(p)) {
                    files.put(dir.relativize(p).toString(), Files.size(p));
                }
            }
        }
        return files;
    }

    private void run(String... args) throws IOException, InterruptedException {
        Path tsperf = Path.of(System.getProperty("tsperf.root", "..")).toAbsolutePath().normalize().resolve("tsperf");
        List<String> command = new ArrayList<>(List.of(tsperf.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("tsperf-writes", ".log"); // outside the watched folders
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("TSPERF_NO_BUILD", "1");
            env.put("HOME", root.resolve("home").toString());
            env.put("TMPDIR", root.resolve("tmp").toString());
            env.put("XDG_CACHE_HOME", root.resolve("home/.cache").toString());
            env.remove("XDG_CONFIG_HOME");
            env.remove("XDG_DATA_HOME");
            // the JVM's own per-process file goes to /tmp whatever java.io.tmpdir says: off
            env.put("TSPERF_JAVA_OPTS", "-Duser.home=" + root.resolve("home") + " -Djava.io.tmpdir="
                    + root.resolve("tmp") + " -XX:-UsePerfData");
            Process p = pb.start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "tsperf " + String.join(" ", args) + " did not end");
            assertEquals(0, p.exitValue(), "tsperf " + String.join(" ", args) + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg made the test clip");
    }
}
