package org.tsperf.api.proxy;

import java.util.Locale;

/** The codec and container of proxies. */
public enum ProxyFormat {
    /** H.264 High profile (libx264), CRF by quality, preset medium, yuv420p, in MP4. */
    H264("h264", "mp4"),
    /** Apple ProRes 422 Proxy (prores_ks profile 0), yuv422p10, in QuickTime. */
    PRORES_PROXY("prores_proxy", "mov");

    private final String id;
    private final String extension;

    ProxyFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** Command-line and settings name: "h264", "prores_proxy". */
    public String id() {
        return id;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }

    public static ProxyFormat parse(String id) {
        String n = id.trim().toLowerCase(Locale.ROOT);
        for (ProxyFormat f : values()) {
            if (f.id.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown proxy format '" + id + "' (known: h264, prores_proxy)");
    }
}
