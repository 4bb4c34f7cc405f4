package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/** {@code tsperf worker} JVMs on 127.0.0.1 for the cluster tests; {@link #close()} kills those still running. */
final class ClusterWorkers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    /** Every line the workers printed, in the order read (each prefixed with its worker's port). */
    final List<String> output = Collections.synchronizedList(new ArrayList<>());
    /** The workers {@link #cluster} started, by port. */
    final Map<Integer, Process> byPort = new ConcurrentHashMap<>();

    static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Lookup.getDefault().lookup(MediaTools.class).ffmpeg().toString(),
                "-hide_banner", "-nostdin", "-v", "error"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, "ffmpeg " + cmd + ": " + text);
    }

    /** 4 s of 320x240 with sound: a colour adjust, then a cross-fade into a blurred second clip. */
    static Path project(Path media) throws Exception {
        Path clip = media.resolve("clip.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-g",
                "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip.toString());
        Project p = new Project("cluster", 320, 240, new FrameRate(25, 1), 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(
                        new Clip("a", clip, 0, 60, 0, List.of(new Effect.ColourAdjust(0.05, 1.1, 1.2, 1))),
                        new Clip("b", clip, 20, 50, 50, List.of(new Effect.Blur(1.5)))),
                        List.of(new Transition("a", "b", 10))),
                new Track("A1", TrackKind.AUDIO, List.of(new Clip("s", clip, 0, 100, 0, List.of())), List.of())));
        Path file = media.resolve("p.tsproj");
        Lookup.getDefault().lookup(TimelineService.class).write(p, file);
        return file;
    }

    /** The SSIM of every frame of two videos (ffmpeg's ssim filter, "All"); {@code dir} holds its log. */
    static List<Double> ssim(Path dir, Path a, Path b) throws Exception {
        Path stats = Files.createTempFile(dir, "ssim", ".log");
        ffmpeg("-y", "-i", a.toString(), "-i", b.toString(), "-lavfi", "[0:v][1:v]ssim=stats_file=" + stats, "-f",
                "null", "-");
        List<Double> all = new ArrayList<>();
        Pattern p = Pattern.compile("All:([0-9.]+)");
        for (String line : Files.readAllLines(stats)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                all.add(Double.parseDouble(m.group(1)));
            }
        }
        return all;
    }

    /** {@code count} free ports in a row from a random place, so runs side by side do not meet. */
    static int freePorts(int count) throws IOException {
        for (int tries = 0; tries < 50; tries++) {
            int base = 20000 + ThreadLocalRandom.current().nextInt(30000);
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket s = new ServerSocket(p)) {
                    s.setReuseAddress(true);
                } catch (IOException ex) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no " + count + " free ports in a row");
    }

    /**
     * A new cluster of {@code count} workers sharing {@code media}, with a secret file in {@code dir}; returns the
     * options that reach it ({@code --cluster ... --secret-file FILE}), for a coordinator on the port before theirs.
     */
    List<String> cluster(Path dir, Path media, int count, String... jvmOptions) throws Exception {
        return cluster(dir, media, Collections.nCopies(count, Worker.HONEST), jvmOptions);
    }

    /** What a worker of {@link #cluster(Path, Path, List, String...)} is. */
    enum Worker {
        /** {@code tsperf worker} with the cluster's secret. */
        HONEST,
        /** {@code tsperf worker} with a secret of its own: it cannot prove it holds the cluster's. */
        STRANGER,
        /** A worker with the cluster's secret whose results are forged after they are signed. */
        FORGER
    }

    /**
     * A new cluster of the {@code kinds} of workers, in that order (worker i on the port {@code i + 1} after the
     * coordinator's, see {@link #byPort}), sharing {@code media}; returns the options that reach it.
     */
    List<String> cluster(Path dir, Path media, List<Worker> kinds, String... jvmOptions) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "a secret of more than sixteen bytes\n");
        String name = "cli-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        int count = kinds.size();
        int base = freePorts(count + 1);
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.add("127.0.0.1:" + (base + i));
        }
        for (int i = 1; i <= count; i++) {
            Worker kind = kinds.get(i - 1);
            Path its = kind == Worker.STRANGER ? Files.writeString(dir.resolve("stranger-secret-" + i),
                    "another secret, also long enough\n") : secret;
            List<String> main = kind == Worker.FORGER ? List.of("org.tsperf.cluster.ForgingWorker")
                    : List.of(Main.class.getName(), "worker");
            byPort.put(base + i, start(main, name, String.join(",", members), base + i, media, its, jvmOptions));
        }
        return List.of("--cluster", name, "--member", String.join(",", members), "--port", Integer.toString(base),
                "--secret-file", secret.toString());
    }

    /** {@code tsperf ARGS} (a coordinator) in a JVM of its own, its output in {@code log}. */
    static Process startCli(List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dtsperf.gpu.path=cpu"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A logging configuration that has a worker log each task it finishes ("made ... into ..."). */
    static Path taskLogging(Path dir) throws IOException {
        return Files.writeString(dir.resolve("logging.properties"), String.join("\n",
                "handlers=java.util.logging.ConsoleHandler", "java.util.logging.ConsoleHandler.level=INFO",
                ".level=WARNING", "org.tsperf.cluster.level=INFO", ""));
    }

    /** Starts {@code tsperf worker} in a JVM of its own and waits until it says it joined. */
    Process start(String cluster, String members, int port, Path media, Path secret, String... jvmOptions)
            throws Exception {
        return start(List.of(Main.class.getName(), "worker"), cluster, members, port, media, secret, jvmOptions);
    }

    /** Starts {@code main} (a class and its first arguments) with the worker's options, as {@link #start}. */
    private Process start(List<String> main, String cluster, String members, int port, Path media, Path secret,
            String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dtsperf.gpu.path=cpu"));
        cmd.addAll(List.of(jvmOptions));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        cmd.addAll(main);
        cmd.addAll(List.of("--cluster", cluster, "--member", members, "--port", Integer.toString(port),
                "--media-root", media.toString(), "--secret-file", secret.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        synchronized (processes) {
            processes.add(p);
        }
        LinkedBlockingQueue<String> ready = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("tsperf worker ") && line.contains(" in cluster ")) {
                        ready.add(line);
                    }
                    output.add(port + ": " + line);
                    System.err.println("worker " + port + ": " + line);
                }
            } catch (IOException ex) {
                System.err.println("worker " + port + " output ended: " + ex);
            }
        }, "worker-output-" + port);
        reader.setDaemon(true);
        reader.start();
        assertNotNull(ready.poll(90, TimeUnit.SECONDS), "worker on port " + port + " joined");
        return p;
    }

    @Override
    public void close() throws InterruptedException {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
            processes.clear();
        }
        for (Process p : all) {
            p.destroyForcibly();
        }
        for (Process p : all) {
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
