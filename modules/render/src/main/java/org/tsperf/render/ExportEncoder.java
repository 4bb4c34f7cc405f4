package org.tsperf.render;

import org.tsperf.api.util.ChildProcesses;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.gpu.Frame;

/**
 * One ffmpeg child that encodes raw RGBA frames from its standard input into the output its arguments name
 * ({@link ExportCommands}, {@link ChunkEncoding}). A writer thread feeds the pipe from a few reused buffers, so the
 * next frame is rendered while the last one is written (the pipe blocks while ffmpeg encodes).
 */
final class ExportEncoder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExportEncoder.class.getName());
    private static final byte[] END = new byte[0];

    private final Process process;
    /** Room for every buffer and the end mark: putting never blocks, even when the writer has died. */
    private final BlockingQueue<byte[]> full = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(3);
    private final Thread writer;
    private final ErrorTail errors;
    private volatile IOException writeFailure;

    ExportEncoder(Path ffmpeg, List<String> arguments, int frameBytes) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ffmpeg.toString());
        cmd.addAll(arguments);
        LOG.log(Level.FINE, "running {0}", cmd);
        process = ChildProcesses.start(new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD));
        for (int i = 0; i < 3; i++) {
            free.add(new byte[frameBytes]);
        }
        errors = ErrorTail.follow(process, "tsperf-export-ffmpeg-errors");
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
        finish(() -> { });
    }

    /**
     * As {@link #finish()}, calling {@code waiting} about once a second meanwhile: the frames still queued and the
     * encoder's own lookahead (x264 holds dozens of frames) can take minutes at 4K on a loaded machine, and a task
     * that says nothing that long is taken for stuck.
     */
    void finish(Runnable waiting) throws IOException, InterruptedException {
        full.add(END);
        while (writer.isAlive()) {
            writer.join(1000);
            waiting.run();
        }
        if (writeFailure != null) {
            throw failure("ffmpeg stopped taking frames");
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!process.waitFor(1, TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("ffmpeg did not finish the file within 10 minutes after its last frame");
            }
            waiting.run();
        }
        errors.awaitEnd(2000);
        if (process.exitValue() != 0) {
            throw failure("ffmpeg failed (exit " + process.exitValue() + ")");
        }
    }

    private IOException failure(String what) {
        return new IOException(errors.message(what), writeFailure);
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
