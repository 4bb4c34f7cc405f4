package org.tsperf.cluster;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;

/**
 * Worker JVMs on 127.0.0.1 and a coordinator in the test's JVM, on ports of their own; {@link #close()} leaves the
 * cluster and kills every worker still running.
 */
final class LocalCluster implements AutoCloseable {

    final String name = "test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    final Path dir;
    final Path media;
    final Path secret;
    final int basePort;
    final List<String> members = new ArrayList<>();
    private final List<Process> workers = Collections.synchronizedList(new ArrayList<>());
    final ConcurrentHashMap<Long, String> addressByPid = new ConcurrentHashMap<>();
    private ClusterSession session;

    LocalCluster(Path dir, int size) throws IOException {
        this.dir = dir;
        this.media = Files.createDirectories(dir.resolve("media"));
        this.secret = dir.resolve("secret");
        Files.writeString(secret, "a secret of more than sixteen bytes\n");
        this.basePort = freePorts(size + 1);
        for (int i = 0; i <= size; i++) {
            members.add("127.0.0.1:" + (basePort + i));
        }
    }

    /** {@code count} free ports in a row from a random place, so runs side by side do not meet. */
    private static int freePorts(int count) throws IOException {
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

    Path secretFile(String content) throws IOException {
        Path f = Files.createTempFile(dir, "secret", "");
        Files.writeString(f, content);
        return f;
    }

    /** Starts worker {@code i} (port base + 1 + i) and waits until it says it joined. */
    Process startWorker(int i, Path secretFile, long frameMillis, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-Dtsperf.test.frameMillis=" + frameMillis,
                "-Djava.util.logging.config.file=/dev/null"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerChild.class.getName(), name,
                Integer.toString(basePort + 1 + i), String.join(",", members), media.toString(),
                secretFile.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        workers.add(p);
        LinkedBlockingQueue<String> ready = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("ready ")) {
                        addressByPid.put(p.pid(), line.substring(6));
                        ready.add(line.substring(6));
                    } else if (line.contains("SEVERE") || line.contains("WARNING") || line.contains("Exception")) {
                        System.err.println("worker " + i + ": " + line);
                    }
                }
            } catch (IOException ex) {
                System.err.println("worker " + i + " output ended: " + ex);
            }
        }, "worker-" + i + "-output");
        reader.setDaemon(true);
        reader.start();
        String address = ready.poll(60, TimeUnit.SECONDS);
        if (address == null) {
            throw new IllegalStateException("worker " + i + " did not join within 60 s (alive: " + p.isAlive() + ")");
        }
        return p;
    }

    ClusterSettings coordinatorSettings(Path secretFile) {
        return new ClusterSettings(name, members, "127.0.0.1", basePort, List.of(), secretFile);
    }

    ClusterSession connect() throws IOException {
        session = new HazelcastClusterService().connect(coordinatorSettings(secret));
        return session;
    }

    static void await(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    static void kill9(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).inheritIO().start();
        if (kill.waitFor() != 0 || !p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("worker " + p.pid() + " survived kill -9");
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        synchronized (workers) {
            for (Process p : workers) {
                p.destroyForcibly();
            }
            for (Process p : workers) {
                try {
                    p.waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
