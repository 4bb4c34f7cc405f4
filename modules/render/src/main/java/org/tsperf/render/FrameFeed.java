package org.tsperf.render;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.TimelinePictures;

/**
 * Renders timeline frames {@code [in, out)} in order and hands them to an encoder, checking for cancel before each
 * frame and reporting progress about four times a second and after the last frame. Shared by the export and by
 * segment rendering, so both make the same pictures the same way.
 */
final class FrameFeed {

    /** How often progress is reported, nanoseconds. */
    private static final long REPORT_NS = 250_000_000L;

    private FrameFeed() {
    }

    /**
     * @param cancelled when it says so, this throws {@link CancellationException} before the next frame
     * @param progress  hears the frames done of {@code out - in}, the speed against the project's rate and the ETA
     */
    static void encode(TimelinePictures pictures, ExportEncoder encoder, long in, long out, BooleanSupplier cancelled,
            Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        encode(pictures::render, pictures.project().rate().fps(), encoder, in, out, cancelled, progress);
    }

    /** Makes a timeline frame; null: this way cannot make it. */
    @FunctionalInterface
    interface Maker {
        Frame make(long frame) throws MediaException;
    }

    /**
     * As {@link #encode(TimelinePictures, ExportEncoder, long, long, BooleanSupplier, Consumer)} with frames from
     * {@code maker} at {@code rate} frames a second; false, with the encoder not finished, when the maker could not
     * make a frame (the caller closes the encoder and makes the frames another way).
     */
    static boolean encode(Maker maker, double rate, ExportEncoder encoder, long in, long out,
            BooleanSupplier cancelled, Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        long total = out - in;
        long start = System.nanoTime();
        long lastReport = 0;
        for (long f = in; f < out; f++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while rendering frame " + f);
            }
            Frame frame = maker.make(f);
            if (frame == null) {
                return false;
            }
            encoder.write(frame);
            long done = f - in + 1;
            long now = System.nanoTime();
            if (now - lastReport > REPORT_NS || done == total) {
                lastReport = now;
                double fps = done / Math.max(1e-6, (now - start) / 1e9);
                double eta = done < 2 ? -1 : (total - done) / fps;
                progress.accept(new RenderProgress(done, total, fps / rate, eta));
            }
        }
        RenderProgress last = new RenderProgress(total, total, total / Math.max(1e-6, (System.nanoTime() - start)
                / 1e9) / rate, 0);
        encoder.finish(() -> progress.accept(last)); // the encoder's last frames are progress too
        return true;
    }
}
