package org.tsperf.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.util.ChildProcesses;

/**
 * Runs the bundled ffmpeg once to its end, with no input on standard input: a join, or a look at a file's metadata.
 * The child is stopped when the calling thread is interrupted or the deadline passes.
 */
final class FfmpegRun {

    private static final Logger LOG = Logger.getLogger(FfmpegRun.class.getName());
    /** Standard output kept at most (metadata is a few lines). */
    private static final int MAX_OUTPUT = 1 << 20;

    private FfmpegRun() {
    }

    /**
     * @return what ffmpeg wrote on standard output
     * @throws IOException naming {@code what} with ffmpeg's last error lines when it fails or overruns
     */
    static String run(Path ffmpeg, List<String> arguments, Duration deadline, String what)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ffmpeg.toString());
        cmd.addAll(arguments);
        LOG.log(Level.FINE, "running {0}", cmd);
        Process p = ChildProcesses.start(new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE));
        try {
            p.getOutputStream().close();
            ErrorTail errors = ErrorTail.follow(p, "tsperf-ffmpeg-errors");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> read(p.getInputStream(), out), "tsperf-ffmpeg-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(what + ": ffmpeg did not finish within " + deadline.toSeconds() + " s");
            }
            reader.join(2000);
            errors.awaitEnd(2000);
            if (p.exitValue() != 0) {
                throw new IOException(errors.message(what + ": ffmpeg failed (exit " + p.exitValue() + ")"));
            }
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        } finally {
            stop(p);
        }
    }

    /** Keeps the first {@link #MAX_OUTPUT} bytes and drains the rest, so the child never blocks on the pipe. */
    private static void read(InputStream in, ByteArrayOutputStream into) {
        byte[] b = new byte[8192];
        try (in) {
            for (int n; (n = in.read(b)) >= 0; ) {
                synchronized (into) {
                    into.write(b, 0, Math.max(0, Math.min(n, MAX_OUTPUT - into.size())));
                }
            }
        } catch (IOException ex) {
            LOG.log(Level.FINE, "ffmpeg's standard output ended", ex);
        }
    }

    private static void stop(Process p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroyForcibly();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "ffmpeg (pid {0}) did not stop after kill", p.pid());
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "interrupted while stopping ffmpeg (pid " + p.pid() + ")", ex);
        }
    }
}
