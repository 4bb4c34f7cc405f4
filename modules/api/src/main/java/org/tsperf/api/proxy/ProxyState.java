package org.tsperf.api.proxy;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one proxy size of one source stands.
 *
 * @param resolution the resolution's name, e.g. "quarter"
 * @param kind       the state
 * @param percent    progress 0-100 while {@link Kind#RUNNING}, else 0 (or 100 when ready)
 * @param file       the proxy when {@link Kind#READY}
 * @param detail     why it was skipped or failed, or what it waits for; may be empty
 */
public record ProxyState(String resolution, Kind kind, int percent, Optional<ProxyFile> file, String detail) {

    /** The states a proxy goes through. */
    public enum Kind {
        NONE("none"),
        QUEUED("queued"),
        RUNNING("running"),
        READY("ready"),
        /** the strategy does not make this size for this source (too small a source, say) */
        SKIPPED("skipped"),
        FAILED("failed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public ProxyState {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        detail = detail == null ? "" : detail;
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0-100: " + percent);
        }
    }

    /** For a table cell: "none", "queued", "42 %", "ready, 12.3 MB", "skipped", "failed". */
    public String summary() {
        return switch (kind) {
            case RUNNING -> percent + " %";
            case READY -> file.map(f -> "ready, " + String.format(java.util.Locale.ROOT, "%.1f MB",
                    f.sizeBytes() / 1e6)).orElse("ready");
            default -> kind.word();
        };
    }
}
