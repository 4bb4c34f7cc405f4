package org.tsperf.api.media;

import java.util.Objects;

/**
 * The decoder a {@link FrameSource} uses.
 *
 * @param codec    FFmpeg's decoder name, e.g. "h264", "hevc", "prores"
 * @param hardware the hardware API in use ("vaapi", "cuda"...), empty for software decoding
 * @param threads  decoding threads (software)
 * @param reason   why this decoder, in words (e.g. "no working hardware decoder: vaapi device not found")
 */
public record DecoderInfo(String codec, String hardware, int threads, String reason) {

    public DecoderInfo {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean isHardware() {
        return !hardware.isEmpty();
    }

    /** e.g. "h264, software, 2 threads" or "hevc, hardware (vaapi)". */
    public String describe() {
        return isHardware() ? codec + ", hardware (" + hardware + ")" : codec + ", software, " + threads
                + (threads == 1 ? " thread" : " threads");
    }
}
