package org.tsperf.proxy;

import org.tsperf.api.util.ChildProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Loader;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.tasks.TaskContext;

/**
 * Makes every proxy of one source in one run of the bundled ffmpeg executable: one decode, the frames scaled to the
 * largest proxy and from there to each smaller one, each encoded to its own file. A subprocess, so corrupt input
 * that crashes a decoder cannot take the workbench down; progress comes from {@code -progress pipe:1}.
 */
final class FfmpegProxyEncoder {

    private static final Logger LOG = Logger.getLogger(FfmpegProxyEncoder.class.getName());
    private static volatile String executable;

    /** ffmpeg ended with an error; how many frames it had made by then. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;
        final long framesDone;

        Failure(String message, long framesDone) {
            super(message);
            this.framesDone = framesDone;
        }
    }

    /** How a run ended. */
    record Outcome(long framesDecoded, double seconds) {
    }

    private FfmpegProxyEncoder() {
    }

    /** The bundled ffmpeg (extracted to the JavaCPP cache at first use). */
    static String executable() {
        String e = executable;
        if (e == null) {
            synchronized (FfmpegProxyEncoder.class) {
                e = executable;
                if (e == null) {
                    e = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
                    executable = e;
                }
            }
        }
        return e;
    }

    /** The command line (without the executable) that makes {@code outputs}, one per plan target. */
    static List<String> command(Path source, MediaInfo info, ProxyPlan plan, ProxyFormat format, List<Path> outputs) {
        VideoStreamInfo v = info.mainVideo().orElseThrow();
        List<String> c = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-v", "error", "-y",
                "-progress", "pipe:1", "-stats_period", "0.5", "-nostats", "-i", source.toString()));
        // one decode: scale to the largest proxy, split, scale the copies down from there (cheaper than from 4K)
        StringBuilder g = new StringBuilder();
        String from = "0:" + v.index();
        List<ProxyPlan.Target> t = plan.targets();
        for (int i = 0; i < t.size(); i++) {
            if (g.length() > 0) {
                g.append(';');
            }
            g.append('[').append(from).append("]scale=").append(t.get(i).width()).append(':')
                    .append(t.get(i).height()).append(":flags=bicubic");
            if (i < t.size() - 1) {
                g.append(",split=2[o").append(i).append("][s").append(i).append(']');
                from = "s" + i;
            } else {
                g.append("[o").append(i).append(']');
            }
        }
        c.add("-filter_complex");
        c.add(g.toString());
        boolean audio = !info.audio().isEmpty();
        for (int i = 0; i < t.size(); i++) {
            c.addAll(List.of("-map", "[o" + i + "]"));
            if (audio) {
                c.addAll(List.of("-map", "0:a:0"));
            }
            if (format == ProxyFormat.PRORES_PROXY) {
                c.addAll(List.of("-c:v", "prores_ks", "-profile:v", "0", "-pix_fmt", "yuv422p10le"));
            } else if (plan.encoder().equals("libx264")) {
                // a 10-frame lookahead instead of medium's 40: same SSIM (0.98636 against 0.98638 on 4K to 1080p),
                // files 1 % smaller, and each job 170 MB smaller, which two jobs beside 4K playback need on 8 GB
                c.addAll(List.of("-c:v", "libx264", "-preset", "medium", "-rc-lookahead", "10", "-profile:v", "high",
                        "-crf", Integer.toString(ProxyStrategy.crf(plan.quality())), "-pix_fmt", "yuv420p",
                        "-g", Integer.toString(ProxyStrategy.gop(v.frameRate())),
                        "-force_key_frames", "expr:gte(t,n_forced*" + ProxyStrategy.KEYFRAME_SECONDS + ")"));
            } else {
                c.addAll(List.of("-c:v", plan.encoder(), "-profile:v", "high", "-pix_fmt", "yuv420p",
                        "-g", Integer.toString(ProxyStrategy.gop(v.frameRate())),
                        "-forced-idr", "1", "-force_key_frames", "expr:gte(t,n_forced*" + ProxyStrategy.KEYFRAME_SECONDS + ")"));
            }
            // every decoded frame with its own timestamp: same frame count, variable frame rate kept
            c.addAll(List.of("-fps_mode", "passthrough"));
            if (v.variableFrameRate()) {
                // the encoder's time base would otherwise come from the nominal rate and round the timestamps
                c.addAll(List.of("-enc_time_base:v", "1/90000"));
            }
            if (audio) {
                c.addAll(List.of("-c:a", "aac", "-b:a", "128k"));
            }
            if (format == ProxyFormat.H264) {
                c.addAll(List.of("-movflags", "+faststart", "-f", "mp4"));
            } else {
                c.addAll(List.of("-f", "mov"));
            }
            c.add(outputs.get(i).toString());
        }
        return c;
    }

    /**
     * Runs ffmpeg, reporting progress to {@code ctx} and stopping it when the task is cancelled or interrupted.
     *
     * @throws IOException when ffmpeg fails, with its last error lines
     */
    static Outcome run(List<String> args, long totalFrames, String what, TaskContext ctx)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable());
        cmd.addAll(args);
        LOG.log(Level.FINE, "running {0}", cmd);
        long start = System.nanoTime();
        Process p = ChildProcesses.start(new ProcessBuilder(cmd));
        Progress progress = new Progress();
        Deque<String> errors = new ArrayDeque<>();
        Thread out = reader(p.getInputStream(), line -> progress.line(line), "ffmpeg-progress");
        Thread err = reader(p.getErrorStream(), line -> {
            synchronized (errors) {
                errors.addLast(line);
                if (errors.size() > 8) {
                    errors.removeFirst();
                }
            }
        }, "ffmpeg-errors");
        boolean ok = false;
        ProcessYield yield = new ProcessYield(p);
        try {
            long reported = -1;
            while (!p.waitFor(250, TimeUnit.MILLISECONDS)) {
                if (ctx.isCancelled()) {
                    throw new CancellationException("cancelled");
                }
                yield.update(ctx.userBusy());
                long blocks = progress.blocks;
                if (blocks != reported) {
                    reported = blocks;
                    ctx.progress(Math.min(progress.frame, Math.max(totalFrames, progress.frame)), totalFrames,
                            message(what, progress.frame, totalFrames, progress.fps));
                }
            }
            out.join(2000);
            err.join(2000);
            if (p.exitValue() != 0) {
                String last;
                synchronized (errors) {
                    last = errors.stream().collect(Collectors.joining(" / "));
                }
                throw new Failure("ffmpeg failed (exit " + p.exitValue() + ")" + (last.isEmpty() ? "" : ": " + last),
                        progress.frame);
            }
            ok = true;
            return new Outcome(progress.frame, (System.nanoTime() - start) / 1e9);
        } finally {
            if (!ok && p.isAlive()) {
                p.destroyForcibly();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "ffmpeg (pid {0}) did not stop after kill", p.pid());
                }
            }
        }
    }

    static String message(String what, long frame, long total, double fps) {
        StringBuilder b = new StringBuilder(what).append(": ").append(frame);
        if (total > 0) {
            b.append('/').append(total);
        }
        b.append(" frames");
        if (fps > 0) {
            b.append(String.format(Locale.ROOT, ", %.1f fps", fps));
            if (total > frame) {
                b.append(String.format(Locale.ROOT, ", ETA %.0f s", (total - frame) / fps));
            }
        }
        return b.toString();
    }

    private static Thread reader(InputStream in, java.util.function.Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException ex) {
                LOG.log(Level.FINE, "ffmpeg output ended", ex);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The figures of ffmpeg's progress blocks; early blocks say N/A, so parse defensively. */
    static final class Progress {
        volatile long frame;
        volatile double fps;
        volatile long blocks;

        void line(String line) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                return;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "frame" -> frame = Long.parseLong(value);
                    case "fps" -> fps = Double.parseDouble(value);
                    case "progress" -> blocks++;
                    default -> {
                        // other figures (bitrate, out_time...) are not used
                    }
                }
            } catch (NumberFormatException ex) {
                LOG.log(Level.FINEST, "unparsed progress value {0}", line);
            }
        }
    }
}
