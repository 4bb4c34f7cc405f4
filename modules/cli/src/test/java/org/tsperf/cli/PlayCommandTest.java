package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tsperf play} in-process on the real engine (decoder, CPU reference, frame cache, silent audio), on a
 * generated clip: the public JSON of a play and of a scrub, and the errors of bad input.
 */
class PlayCommandTest {

    @TempDir
    static Path dir;
    static Path clip;
    static final String FFMPEG = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void makeClip() throws Exception {
        clip = dir.resolve("clip.mp4");
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=2", "-c:v", "libx264", "-preset", "veryfast", "-g", "25",
                "-bf", "3", "-pix_fmt", "yuv420p", clip.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed: " + cmd);
        System.setProperty("tsperf.cache.dir", dir.resolve("cache").toString());
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void playsEveryFrameAsFastAsItGoesAndSaysWhatItRead() {
        assertEquals(0, run("play", clip.toString(), "--proxy", "off", "--speed", "max", "--json"), err.toString());
        String json = out.toString();
        assertEquals(50, number(json, "frameCount"), json);
        assertTrue(number(json, "frames") >= 50, "every frame shown: " + json);
        assertEquals(0, number(json, "dropped"), json);
        assertTrue(json.contains("\"source\":\"Original (320x240)\""), json);
        assertTrue(json.contains("\"readPath\":\"" + clip + "\""), json);
        assertTrue(json.contains("\"decoder\":\"h264, software"), json);
        assertTrue(number(json, "p50") > 0, "decode times measured: " + json);
    }

    @Test
    void scrubReportsTheLatencyOfEverySeek() {
        assertEquals(0, run("play", clip.toString(), "--proxy", "off", "--scrub", "--seeks", "30", "--json"),
                err.toString());
        String json = out.toString();
        assertEquals(30, number(json, "seeks"), json);
        double p50 = number(json, "p50");
        double p99 = number(json, "p99");
        double max = number(json, "max");
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= max, json);
    }

    @Test
    void badInputSaysWhatIsWrong() throws Exception {
        Path missing = dir.resolve("nowhere.mp4");
        assertEquals(Main.FAILURE, run("play", missing.toString(), "--proxy", "off"));
        assertTrue(err.toString().contains(missing.toString()), err.toString());
        Path junk = dir.resolve("junk.mp4");
        java.nio.file.Files.write(junk, new byte[4096]);
        err.getBuffer().setLength(0);
        assertEquals(Main.FAILURE, run("play", junk.toString(), "--proxy", "off"));
        assertTrue(err.toString().contains(junk.toString()) && err.toString().contains("not a media file"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("play", clip.toString(), "--speed", "3"));
        assertTrue(err.toString().contains("--speed must be 1, 2, 4, -1, -2, -4 or max, got 3"), err.toString());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
