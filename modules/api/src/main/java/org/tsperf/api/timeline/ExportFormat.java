package org.tsperf.api.timeline;

import java.util.Locale;

/** What an export writes; {@link #cliName()} is the command line's {@code --format} value. */
public enum ExportFormat {
    /** H.264 (libx264, yuv420p) with AAC in MP4. */
    H264("h264", "mp4"),
    /** ProRes 422 HQ (prores_ks profile 3, yuv422p10) with PCM in MOV. */
    PRORES_HQ("prores_hq", "mov"),
    /** ProRes 422 Proxy (prores_ks profile 0) with PCM in MOV. */
    PRORES_PROXY("prores_proxy", "mov");

    private final String cliName;
    private final String extension;

    ExportFormat(String cliName, String extension) {
        this.cliName = cliName;
        this.extension = extension;
    }

    public String cliName() {
        return cliName;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    public static ExportFormat fromCliName(String name) {
        for (ExportFormat f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format \"" + name + "\": use h264, prores_hq or "
                + "prores_proxy");
    }
}
