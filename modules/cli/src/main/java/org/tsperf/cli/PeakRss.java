package org.tsperf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Peak resident memory of processes while they run: samples {@code VmHWM} (the kernel's own high-water mark of the
 * resident set) of a process tree every 100 ms. The kernel keeps the peak, so a sample taken late in a process's life
 * is its peak up to then; only what a process grows in its last 100 ms can be missed. Linux only; elsewhere every
 * figure is 0.
 */
final class PeakRss implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeakRss.class.getName());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tsperf-bench-rss");
        t.setDaemon(true);
        return t;
    });
    /** Peak by role: "ffmpeg" (any ffmpeg process), "jvm" (a java child). */
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();

    /**
     * Samples {@code root} (when it is a child, not this JVM) and every descendant of it.
     *
     * @param root the process whose tree is sampled; {@link ProcessHandle#current()} samples only the children
     */
    PeakRss(ProcessHandle root) {
        timer.scheduleAtFixedRate(() -> sample(root), 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample(ProcessHandle root) {
        try {
            List<ProcessHandle> tree;
            try (Stream<ProcessHandle> d = root.descendants()) {
                tree = d.toList();
            }
            if (!root.equals(ProcessHandle.current())) {
                record(root);
            }
            tree.forEach(this::record);
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "could not sample process memory", ex);
        }
    }

    private void record(ProcessHandle p) {
        String command = p.info().command().orElse("");
        String role = command.endsWith("/ffmpeg") || command.equals("ffmpeg") ? "ffmpeg"
                : command.endsWith("/java") ? "jvm" : null;
        if (role == null) {
            return;
        }
        long hwm = highWaterMark(p.pid());
        peaks.merge(role, hwm, Math::max);
    }

    /** {@code VmHWM} of {@code /proc/PID/status} in bytes; 0 when the process is gone or this is not Linux. */
    static long highWaterMark(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return parseKilobytes(line.substring("VmHWM:".length())) * 1024;
                }
            }
        } catch (IOException ex) {
            LOG.log(Level.FINEST, "process {0} ended before it was sampled", pid);
        }
        return 0;
    }

    static long parseKilobytes(String value) {
        String v = value.trim();
        int space = v.indexOf(' ');
        return Long.parseLong(space < 0 ? v : v.substring(0, space));
    }

    /** The largest peak of any ffmpeg process seen, in bytes (0 if none was seen). */
    long ffmpeg() {
        return peaks.getOrDefault("ffmpeg", 0L);
    }

    /** The largest peak of a child JVM, in bytes (0 if none). */
    long jvm() {
        return peaks.getOrDefault("jvm", 0L);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.log(Level.FINE, "memory sampler still running");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
