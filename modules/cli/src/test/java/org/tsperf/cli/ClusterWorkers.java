package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaTools;

/** {@code tsperf worker} JVMs on 127.0.0.1 for the cluster tests; {@link #close()} kills those still running. */
final class ClusterWorkers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();

    static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Lookup.getDefault().lookup(MediaTools.class).ffmpeg().toString(),
                "-hide_banner", "-nostdin", "-v", "error"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, "ffmpeg " + cmd + ": " + text);
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

    /** Starts {@code tsperf worker} in a JVM of its own and waits until it says it joined. */
    Process start(String cluster, String members, int port, Path media, Path secret) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dtsperf.gpu.path=cpu"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker",
                "--cluster", cluster, "--member", members, "--port", Integer.toString(port), "--media-root",
                media.toString(), "--secret-file", secret.toString()));
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
