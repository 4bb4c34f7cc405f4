package org.tsperf.render;

import org.tsperf.api.util.ChildProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.FrameRate;

/**
 * One ffmpeg child that encodes raw RGBA frames from its standard input, with the mixed sound from a WAV file, into
 * the output. A writer thread feeds the pipe from a few reused buffers, so the next frame is rendered while the last
 * one is written (the pipe blocks while ffmpeg encodes).
 */
final class ExportEncoder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExportEncoder.class.getName());
    private static final byte[] END = new byte[0];

    private final Process process;
    /** Room for every buffer and the end mark: putting never blocks, even when the writer has died. */
    private final BlockingQueue<byte[]> full = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(3);
    private final Deque<String> errors = new ArrayDeque<>();
    private final Thread writer;
    private final Thread errorReader;
    private volatile IOException writeFailure;

    /**
     * The arguments after the executable: the same encoder settings as the benchmark's ffmpeg reference, RGBA
     * converted to YUV with the BT.709 matrix (the one HD and larger sources are decoded with) and tagged so.
     */
    static List<String> arguments(ExportFormat format, int width, int height, FrameRate rate, Path wav, Path out) {
        List<String> c = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-v", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "rgba", "-s", width + "x" + height, "-framerate", rate.toString(),
                "-i", "pipe:0", "-i", wav.toString(), "-map", "0:v", "-map", "1:a"));
        c.addAll(List.of("-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=bicubic+accurate_rnd,format="
                + pixelFormat(format)));
        c.addAll(videoCodec(format));
        c.addAll(List.of("-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
                "-color_range", "tv"));
        if (format == ExportFormat.H264) {
            c.addAll(List.of("-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart", "-f", "mp4"));
        } else {
            c.addAll(List.of("-c:a", "pcm_s16le", "-f", "mov"));
        }
        c.add(out.toString());
        return c;
    }

    static String pixelFormat(ExportFormat format) {
        return format == ExportFormat.H264 ? "yuv420p" : "yuv422p10le";
    }

    /** The video encoder and its settings, shared with the benchmark's reference command. */
    static List<String> videoCodec(ExportFormat format) {
        return switch (format) {
            case H264 -> List.of("-c:v", "libx264", "-preset", "medium", "-crf", "18", "-profile:v", "high");
            case PRORES_HQ -> List.of("-c:v", "prores_ks", "-profile:v", "3", "-vendor", "apl0");
            case PRORES_PROXY -> List.of("-c:v", "prores_ks", "-profile:v", "0", "-vendor", "apl0");
        };
    }

    ExportEncoder(Path ffmpeg, List<String> arguments, int frameBytes) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ffmpeg.toString());
        cmd.addAll(arguments);
        LOG.log(Level.FINE, "running {0}", cmd);
        process = ChildProcesses.start(new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD));
        for (int i = 0; i < 3; i++) {
            free.add(new byte[frameBytes]);
        }
        errorReader = new Thread(() -> readErrors(process.getErrorStream()), "tsperf-export-ffmpeg-errors");
        errorReader.setDaemon(true);
        errorReader.start();
        writer = new Thread(this::feed, "tsperf-export-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a frame for the encoder (copied: the frame may change after this returns). */
    void write(Frame frame) throws IOException, InterruptedException {
        byte[] b;
        do {
            checkAlive();
            b = free.poll(250, TimeUnit.MILLISECONDS);
        } while (b == null);
        checkAlive();
        frame.data().duplicate().clear().get(b, 0, (int) frame.byteCount());
        full.add(b);
    }

    private void checkAlive() throws IOException {
        if (writeFailure != null) {
            throw failure("ffmpeg stopped taking frames");
        }
    }

    /** Ends the input and waits for ffmpeg to finish the file. */
    void finish() throws IOException, InterruptedException {
        full.add(END);
        writer.join();
        if (writeFailure != null) {
            throw failure("ffmpeg stopped taking frames");
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            throw new IOException("ffmpeg did not finish the file within 10 minutes after its last frame");
        }
        errorReader.join(2000);
        if (process.exitValue() != 0) {
            throw failure("ffmpeg failed (exit " + process.exitValue() + ")");
        }
    }

    private IOException failure(String what) {
        String last;
        synchronized (errors) {
            last = String.join(" / ", errors);
        }
        return new IOException(what + (last.isEmpty() ? "" : ": " + last), writeFailure);
    }

    private void feed() {
        try (OutputStream os = process.getOutputStream()) {
            for (byte[] b = full.take(); b != END; b = full.take()) {
                os.write(b);
                free.add(b);
            }
        } catch (IOException ex) {
            writeFailure = ex;
            free.add(new byte[0]); // wakes a waiting write, which then sees the failure
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            writeFailure = new IOException("the export's writer was interrupted", ex);
        }
    }

    private void readErrors(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (errors) {
                    errors.addLast(line);
                    if (errors.size() > 8) {
                        errors.removeFirst();
                    }
                }
            }
        } catch (IOException ex) {
            LOG.log(Level.FINE, "ffmpeg's error output ended", ex);
        }
    }

    /** Stops ffmpeg if it still runs (cancel, failure); waits for it to end so its output file can be removed. */
    @Override
    public void close() {
        writer.interrupt();
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "ffmpeg (pid {0}) did not stop after kill", process.pid());
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                LOG.log(Level.WARNING, "interrupted while stopping ffmpeg (pid " + process.pid() + ")", ex);
            }
        }
    }
}
