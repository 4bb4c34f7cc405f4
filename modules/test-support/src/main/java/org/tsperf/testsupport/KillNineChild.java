package org.tsperf.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JVM started on the test's own class path that writes and reports what it made durable as lines
 * {@code committed N}, to be killed with a real {@code kill -9} (by its process id) in the middle of its work. Waits
 * have deadlines, never sleeps: a writer too slow for its deadline (a loaded machine) fails the test with what it
 * reached instead of hanging it. Its other output goes to the test's stderr.
 */
public final class KillNineChild implements AutoCloseable {

    /** The line a writer prints after each write that must survive a kill: {@code committed N}. */
    public static final String COMMITTED = "committed ";

    private final Process process;
    private final BufferedReader out;
    private final AtomicBoolean late = new AtomicBoolean();
    private int last;

    private KillNineChild(Process process, int last) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.last = last;
    }

    /**
     * Starts {@code main} with {@code args} in a JVM like this one (its Java, class path and {@code --add-opens}
     * /{@code --add-exports} options), stderr merged into stdout.
     */
    public static KillNineChild start(Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new KillNineChild(new ProcessBuilder(cmd).redirectErrorStream(true).start(), -1);
    }

    /**
     * Starts a writer, waits until it reports {@code committed upTo} (or more) within {@code deadline}, kills it
     * with kill -9, and returns the last number it reported (lines it printed before dying count: written before
     * the kill).
     */
    public static int writeAndKill(Duration deadline, int upTo, Class<?> main, String... args)
            throws IOException, InterruptedException {
        try (KillNineChild child = start(main, args)) {
            child.awaitCommitted(upTo, deadline);
            return child.killNine();
        }
    }

    /** Reads the writer's lines until it reported {@code upTo}; fails when it ends or the deadline passes first. */
    public int awaitCommitted(int upTo, Duration deadline) throws IOException {
        CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (last < upTo && process.isAlive()) {
                late.set(true);
                process.destroyForcibly(); // ends the read below
            }
        });
        String line;
        while (last < upTo && (line = out.readLine()) != null) {
            if (line.startsWith(COMMITTED)) {
                last = Integer.parseInt(line.substring(COMMITTED.length()));
            } else {
                System.err.println("writer: " + line);
            }
        }
        assertTrue(last >= upTo, "the writer reached " + last + " of " + upTo + (late.get() ? " in its "
                + deadline.toSeconds() + " s" : " before it ended"));
        return last;
    }

    /** kill -9 by process id; the writer must die of it (exit 137). Returns the last number it reported. */
    public int killNine() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -9 " + process.pid());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the writer ends within 30 s of kill -9");
        assertEquals(137, process.exitValue(), "killed by SIGKILL");
        String line;
        while ((line = out.readLine()) != null) { // printed before the kill: written before it too
            if (line.startsWith(COMMITTED)) {
                last = Integer.parseInt(line.substring(COMMITTED.length()));
            }
        }
        return last;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            out.close();
        } catch (IOException ex) {
            throw new UncheckedIOException("closing the writer's output", ex);
        }
    }
}
