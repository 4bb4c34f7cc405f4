package org.tsperf.media.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The reference: the ffmpeg and ffprobe executables bundled with JavaCV (FFmpeg 8.1.2 with libx264/libx265, the same
 * libraries the decoder runs on, so decoded frames must match to the byte).
 */
final class Ffmpeg {

    static final String FFMPEG = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    static final String FFPROBE = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);

    private Ffmpeg() {
    }

    /** Runs ffmpeg quietly; fails the test with its output when it fails. */
    static void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        exec(cmd);
    }

    /** ffmpeg's stdout (e.g. raw frames), failing on a non-zero exit. */
    static byte[] output(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-v", "error"));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    static String probe(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(FFPROBE, "-v", "error"));
        cmd.addAll(List.of(args));
        return new String(exec(cmd)).trim();
    }

    /** The frames ffprobe counts by decoding. */
    static long countFrames(Path file) throws IOException, InterruptedException {
        return Long.parseLong(probe("-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames", "-of", "csv=p=0", file.toString()).split("[\\s,]")[0]);
    }

    /** Each decoded frame in display order: {key_frame, best_effort_timestamp_time}. */
    static List<String[]> frames(Path file) throws IOException, InterruptedException {
        String[] lines = probe("-select_streams", "v:0", "-show_entries", "frame=key_frame,best_effort_timestamp_time",
                "-of", "csv=p=0", file.toString()).split("\\R");
        List<String[]> frames = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                frames.add(line.trim().split(","));
            }
        }
        return frames;
    }

    /** Every frame as ffmpeg decodes it, unturned, without dropping or duplicating any. */
    static byte[] allFrames(Path file, String pixFmt) throws IOException, InterruptedException {
        return output("-noautorotate", "-i", file.toString(), "-map", "0:v:0", "-fps_mode", "passthrough", "-f",
                "rawvideo", "-pix_fmt", pixFmt, "-");
    }

    /** Frame n exactly as the issue defines it: {@code select=eq(n\,N)}. */
    static byte[] selectFrame(Path file, long n, String pixFmt) throws IOException, InterruptedException {
        return output("-noautorotate", "-i", file.toString(), "-vf", "select=eq(n\\," + n + ")", "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", pixFmt, "-");
    }

    private static byte[] exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertTrue(p.exitValue() == 0, "failed (" + p.exitValue() + "): " + cmd + "\n" + new String(err.join()));
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
