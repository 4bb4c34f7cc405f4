package org.tsperf.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tsperf.api.proxy.CodecCheck;

/**
 * Finds a hardware H.264 encoder that really works: {@code ffmpeg -encoders} lists them whether or not the hardware
 * exists, so each candidate must encode one small frame. Done once per process.
 */
final class HardwareEncoders {

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
            CodecCheck c = check(ffmpeg, enc);
            if (c.works()) {
                return new Verdict(Optional.of(enc), enc + " encoded a test frame");
            }
            failed.add(enc);
        }
        return Verdict.none("no hardware H.264 encoder works on this machine (" + String.join(", ", failed)
                + " each failed to encode a test frame)");
    }

    /** Encodes one small frame with {@code encoder}: works, or what FFmpeg said. */
    static CodecCheck check(String ffmpeg, String encoder) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-f",
                "lavfi", "-i", "color=c=gray:s=256x144:r=25:d=0.04", "-frames:v", "1", "-c:v", encoder, "-f", "null",
                "-"));
        FfmpegRun.Outcome run = FfmpegRun.run(command);
        return new CodecCheck(encoder, CodecCheck.Kind.ENCODER, run.ok(),
                run.ok() ? "encoded a test frame" : "could not encode a test frame: " + run.why());
    }
}
