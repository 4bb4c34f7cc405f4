package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.media.MediaTools;

/** Clips and references made by the ffmpeg command line (the bundled one), with deadlines. */
final class TestMedia {

    private TestMedia() {
    }

    static String ffmpeg() {
        MediaTools tools = Lookup.getDefault().lookup(MediaTools.class);
        assertNotNull(tools, "the media module is on the test classpath");
        return tools.ffmpeg().toString();
    }

    /** Runs the bundled ffmpeg; fails the test with its output when it fails or takes over two minutes. */
    static String run(List<String> args) throws IOException, InterruptedException {
        return run(args, null);
    }

    /** As {@link #run(List)}, in folder {@code dir} (null: this process's). */
    static String run(List<String> args, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-nostdin", "-y"));
        cmd.addAll(args);
        Path log = Files.createTempFile("tsperf-test-ffmpeg", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir == null ? null : dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("ffmpeg took over 2 minutes: " + cmd);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), () -> "ffmpeg failed: " + cmd + "\n" + out);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** An H.264 clip tagged BT.709 from a lavfi source, with a tone on its audio when {@code tone > 0}. */
    static Path clip(Path dir, String name, String source, double seconds, int tone) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", source));
        if (tone > 0) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=" + tone + ":sample_rate=48000:duration="
                    + seconds, "-c:a", "aac", "-ac", "2"));
        }
        args.addAll(List.of("-t", Double.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-pix_fmt", "yuv420p",
                "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", out.toString()));
        run(args);
        return out;
    }

    /** Frame {@code n} of a file as ffmpeg's {@code select=eq(n\,N)} gives it, converted to RGBA (BT.709). */
    static byte[] referenceRgba(Path file, long n, Path dir) throws Exception {
        return referenceRgba(file, n, dir, "");
    }

    /** As {@link #referenceRgba(Path, long, Path)}, with more filters after the conversion ({@code ,gblur=...}). */
    static byte[] referenceRgba(Path file, long n, Path dir, String after) throws Exception {
        return referenceRgba(file, n, dir, after, "bt709");
    }

    /** As {@link #referenceRgba(Path, long, Path, String)}, the file's YUV read with {@code matrix} (bt601, bt709). */
    static byte[] referenceRgba(Path file, long n, Path dir, String after, String matrix) throws Exception {
        Path out = Files.createTempFile(dir, "ref", ".rgba");
        run(List.of("-i", file.toString(), "-vf", "select=eq(n\\," + n + "),scale=in_color_matrix=" + matrix
                + ":in_range=tv:flags=bicubic+accurate_rnd+full_chroma_int,format=rgba" + after,
                "-frames:v", "1", "-f", "rawvideo", out.toString()));
        byte[] b = Files.readAllBytes(out);
        Files.delete(out);
        return b;
    }

    static byte[] bytes(Frame f) {
        byte[] b = new byte[(int) f.byteCount()];
        f.data().duplicate().clear().get(b);
        return b;
    }

    /** Mean absolute difference per colour channel (alpha left out). */
    static double meanAbsDiff(byte[] a, byte[] b) {
        assertEquals(a.length, b.length, "pictures of the same size");
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (i % 4 != 3) {
                sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            }
        }
        return sum / (a.length * 0.75);
    }

    /**
     * ffmpeg's SSIM ("All") of each pair of frames of two videos, in order (its {@code stats_file}, written in
     * {@code dir}); as many values as the shorter video has frames.
     */
    static double[] ssimPerFrame(Path a, Path b, Path dir) throws Exception {
        Path stats = Files.createTempFile(dir, "ssim", ".log");
        run(List.of("-i", a.toString(), "-i", b.toString(), "-lavfi", "[0:v]format=yuv420p[x];[1:v]format=yuv420p[y];"
                + "[x][y]ssim=stats_file=" + stats.getFileName(), "-f", "null", "-"), dir);
        Pattern all = Pattern.compile("All:([0-9.]+)");
        double[] v = Files.readAllLines(stats).stream().map(all::matcher).filter(Matcher::find)
                .mapToDouble(m -> Double.parseDouble(m.group(1))).toArray();
        Files.delete(stats);
        return v;
    }

    /** ffmpeg's SSIM ("All") of two videos, compared frame by frame. */
    static double ssim(Path a, Path b) throws Exception {
        String out = run(List.of("-i", a.toString(), "-i", b.toString(), "-lavfi",
                "[0:v]format=yuv420p[x];[1:v]format=yuv420p[y];[x][y]ssim", "-f", "null", "-"));
        Matcher m = Pattern.compile("SSIM .*All:([0-9.]+)").matcher(out);
        assertTrue(m.find(), () -> "no SSIM in ffmpeg's output:\n" + out);
        return Double.parseDouble(m.group(1));
    }
}
