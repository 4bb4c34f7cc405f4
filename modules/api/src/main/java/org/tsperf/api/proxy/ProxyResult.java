package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome for one source.
 *
 * @param source  absolute path of the source
 * @param status  what happened
 * @param proxies the proxies the source has now (empty when failed or cancelled)
 * @param reasons the strategy's decisions in words (sizes skipped, encoder, quality), in order
 * @param error   what is wrong and what to do when failed or cancelled; empty otherwise
 */
public record ProxyResult(Path source, Status status, List<ProxyFile> proxies, List<String> reasons, String error) {

    /** What happened to a source. */
    public enum Status {
        /** the proxies were made now */
        GENERATED,
        /** up-to-date proxies existed already: nothing was made */
        UP_TO_DATE,
        /** the proxies of the same content under another path were found and linked to this path */
        RELINKED,
        FAILED,
        CANCELLED;

        public boolean ok() {
            return this == GENERATED || this == UP_TO_DATE || this == RELINKED;
        }
    }

    public ProxyResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        proxies = List.copyOf(proxies);
        reasons = List.copyOf(reasons);
        error = error == null ? "" : error;
    }

    public static ProxyResult failed(Path source, String error, List<String> reasons) {
        return new ProxyResult(source, Status.FAILED, List.of(), reasons, error);
    }
}
