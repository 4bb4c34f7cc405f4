package org.tsperf.api.proxy;

import java.util.Locale;

/** Proxy quality: medium (H.264 CRF 23) or high (H.264 CRF 18; ProRes Proxy is the same for both). */
public enum ProxyQuality {
    MEDIUM,
    HIGH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProxyQuality parse(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("unknown proxy quality '" + id + "' (known: medium, high)", ex);
        }
    }
}
