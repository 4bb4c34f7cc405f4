package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.tsperf.api.proxy.CodecCheck;

/**
 * Hardware decoding verified by decoding: a small H.264 clip made with the software encoder is decoded through each
 * API with its frames kept on the device ({@code -hwaccel API -hwaccel_output_format API}), so a silent fall-back to
 * software decoding does not count as working.
 */
final class HardwareDecoders {

    /** The APIs the media module's decoder tries, in its order. */
    static final List<String> CANDIDATES = List.of("vaapi", "cuda");
    private static final Logger LOG = Logger.getLogger(HardwareDecoders.class.getName());

    private HardwareDecoders() {
    }

    static List<CodecCheck> check(String ffmpeg, List<String> apis) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tsperf-decode-test");
            Path sample = dir.resolve("sample.mp4");
            FfmpegRun.Outcome made = FfmpegRun.run(List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-f",
                    "lavfi", "-i", "testsrc=s=256x144:r=25:d=0.2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                    sample.toString()));
            List<CodecCheck> checks = new ArrayList<>();
            for (String api : apis) {
                checks.add(made.ok() ? decode(ffmpeg, api, sample) : new CodecCheck(api, CodecCheck.Kind.DECODER,
                        false, "not tried: the H.264 test clip could not be made: " + made.why()));
            }
            return checks;
        } catch (IOException ex) {
            LOG.log(Level.INFO, "no folder for the decode test", ex);
            return apis.stream().map(api -> new CodecCheck(api, CodecCheck.Kind.DECODER, false,
                    "not tried: no temporary folder for the test clip: " + ex.getMessage())).toList();
        } finally {
            delete(dir);
        }
    }

    private static CodecCheck decode(String ffmpeg, String api, Path sample) {
        FfmpegRun.Outcome run = FfmpegRun.run(List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error",
                "-hwaccel", api, "-hwaccel_output_format", api, "-i", sample.toString(), "-frames:v", "1", "-f", "null",
                "-"));
        return new CodecCheck(api, CodecCheck.Kind.DECODER, run.ok(),
                run.ok() ? "decoded a test clip" : "could not decode a test clip: " + run.why());
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the decode test's folder " + dir + " was left behind", ex);
        }
    }
}
