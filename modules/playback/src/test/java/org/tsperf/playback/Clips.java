package org.tsperf.playback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test clips made by the ffmpeg command line, and its decoded frames as references. */
final class Clips {

    private Clips() {
    }

    /** Runs ffmpeg with these arguments; fails the test with its output when it fails. */
    static byte[] ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + cmd);
        }
        return out;
    }

    /** A 320x240 H.264 clip (B-frames, 1 s GOP) of a moving test pattern with a 440 Hz tone. */
    static Path patternWithTone(Path dir, String name, double seconds, int fps) throws IOException,
            InterruptedException {
        Path out = dir.resolve(name);
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=" + fps + ":duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-g", Integer.toString(fps), "-bf", "2",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", out.toString());
        return out;
    }

    /** Frame {@code n} as ffmpeg decodes it, RGBA at the coded size. */
    static byte[] rgbaFrame(Path clip, long n) throws IOException, InterruptedException {
        return ffmpeg("-i", clip.toString(), "-vf", "select=eq(n\\," + n + ")", "-frames:v", "1", "-f", "rawvideo",
                "-pix_fmt", "rgba", "-");
    }

    /** Mean absolute difference of the R, G, B channels of two RGBA pictures of the same size. */
    static double meanDifference(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new AssertionError("pictures of different sizes: " + a.length + " and " + b.length + " bytes");
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (i % 4 != 3) {
                sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            }
        }
        return sum / (a.length * 0.75);
    }
}
