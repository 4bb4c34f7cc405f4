package org.tsperf.proxy;

import org.tsperf.api.util.ChildProcesses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds a hardware H.264 encoder that really works: {@code ffmpeg -encoders} lists them whether or not the hardware
 * exists, so each candidate must encode one small frame. Done once per process.
 */
final class HardwareEncoders {

    private static final Logger LOG = Logger.getLogger(HardwareEncoders.class.getName());
    static final List<String> CANDIDATES = List.of("h264_nvenc", "h264_qsv", "h264_amf");
    private static volatile Verdict cached;

    /**
     * @param encoder     the working encoder, if any
     * @param explanation what verification found, in words
     */
    record Verdict(Optional<String> encoder, String explanation) {

        static Verdict none(String explanation) {
            return new Verdict(Optional.empty(), explanation);
        }
    }

    private HardwareEncoders() {
    }

    static Verdict verify(String ffmpeg) {
        Verdict v = cached;
        if (v == null) {
            synchronized (HardwareEncoders.class) {
                v = cached;
                if (v == null) {
                    v = run(ffmpeg);
                    cached = v;
                }
            }
        }
        return v;
    }

    private static Verdict run(String ffmpeg) {
        List<String> failed = new ArrayList<>();
        for (String enc : CANDIDATES) {
            if (encodesOneFrame(ffmpeg, enc)) {
                return new Verdict(Optional.of(enc), enc + " encoded a test frame");
            }
            failed.add(enc);
        }
        return Verdict.none("no hardware H.264 encoder works on this machine (" + String.join(", ", failed)
                + " each failed to encode a test frame)");
    }

    private static boolean encodesOneFrame(String ffmpeg, String encoder) {
        ProcessBuilder pb = new ProcessBuilder(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi",
                "-i", "color=c=gray:s=256x144:r=25:d=0.04", "-frames:v", "1", "-c:v", encoder, "-f", "null", "-")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = ChildProcesses.start(pb);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException ex) {
            LOG.log(Level.FINE, "could not run " + ffmpeg, ex);
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
