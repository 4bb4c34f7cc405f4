package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tsperf.api.tasks.TaskId;

/** Proxies of one source being made (or found). Thread-safe. */
public interface ProxyJob {

    Path source();

    /** The background task that makes the proxies; empty when nothing needed making or the source was refused. */
    Optional<TaskId> task();

    /** Completes with the outcome; never completes exceptionally. */
    CompletableFuture<ProxyResult> result();

    /** Asks the job to stop; its partial output is removed. */
    void cancel(String reason);
}
