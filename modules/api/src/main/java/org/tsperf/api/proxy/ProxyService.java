package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Proxy generation. Provided by the proxy module. All methods are thread-safe; none blocks for long except where
 * said.
 */
public interface ProxyService {

    /** How many of the proxies the known media need exist now. Cheap; may be called from any thread. */
    ProxyCounts counts();

    /**
     * Queues every missing proxy of the known media (the monitor's "Generate Proxies" button).
     *
     * @return completes with a summary for the user once the jobs are queued
     */
    CompletableFuture<String> generateMissing();

    /**
     * The settings the workbench uses (Tools &gt; Options), with the default store. (A default method so that
     * providers that only count proxies, such as test doubles, stay valid; the proxy module implements it.)
     */
    default ProxySettings settings() {
        throw new UnsupportedOperationException(getClass().getName() + " has no proxy settings");
    }

    /**
     * Finds or makes the proxies of one source. Up-to-date proxies (found by content, so also after a rename or
     * move) complete at once; otherwise a background task of the task system makes them. A source that cannot be
     * read completes at once as failed. Reads up to 2 MiB of the source to fingerprint it: not on the event thread.
     */
    default ProxyJob generate(Path source, ProxySettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot generate proxies");
    }

    /**
     * As {@link #generate}, for a user who waits for the result (the command line): the task starts as soon as a
     * proxy worker is free, instead of waiting (up to the task system's longest deferral) for a busy machine to
     * calm down, as background proxies do.
     */
    default ProxyJob generateNow(Path source, ProxySettings settings) {
        return generate(source, settings);
    }

    /** The configuration (Tools &gt; Options &gt; Proxies); defaults where the user set nothing. */
    default ProxyConfig config() {
        return ProxyConfig.defaults(settings().store());
    }

    /**
     * Saves a new configuration and applies it: worker count at once, the size limit by a cleanup run, the rest for
     * jobs queued from now on.
     */
    default void setConfig(ProxyConfig config) {
        throw new UnsupportedOperationException(getClass().getName() + " has no proxy configuration");
    }

    /** The Proxy Manager's media list with the state of every proxy. Reads the store index; not on the event thread. */
    default List<ProxyMedia> media() {
        return List.of();
    }

    /**
     * Adds media files, and the media files inside folders (recursively), to the media list; with
     * {@link ProxyConfig#generateAsync()} their proxies are queued at once.
     *
     * @return completes with a summary for the user (how many added, which paths were refused and why)
     */
    default CompletableFuture<String> addMedia(List<Path> filesOrFolders) {
        throw new UnsupportedOperationException(getClass().getName() + " has no media list");
    }

    /** Takes a source off the media list (its proxies stay until deleted or cleaned up). */
    default void removeMedia(Path source) {
        throw new UnsupportedOperationException(getClass().getName() + " has no media list");
    }

    /**
     * Makes the missing proxies of a listed source under the current configuration, for a user who asked for them
     * (the Proxy Manager's Generate): like {@link #generateNow}, and a job of the same source and plan that waits in
     * the background is started now instead of queued twice.
     */
    default ProxyJob generate(Path source) {
        return generate(source, config().settings());
    }

    /** Cancels the queued or running proxy job of a source; false when it has none. */
    default boolean cancel(Path source, String reason) {
        return false;
    }

    /**
     * Deletes the proxies of a source (cancelling its job first).
     *
     * @return completes with what was deleted, in words
     */
    default CompletableFuture<String> deleteProxies(Path source) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot delete proxies");
    }

    /**
     * Enforces the size limit now under the cleanup policy: deletes the least recently used proxies, never one being
     * made or in use, until the store fits.
     *
     * @return completes with what was deleted, or why nothing was
     */
    default CompletableFuture<String> cleanUp() {
        return CompletableFuture.completedFuture("nothing to clean up");
    }

    /**
     * The proxy playback should read for a source shown {@code viewWidth} pixels wide: the smallest ready proxy at
     * least that wide (else the largest), or empty when "Use proxies" is off or the source has none. Marks it used
     * (so cleanup deletes it last). Reads the store index; not on the event thread.
     */
    default Optional<ProxyFile> proxyForPlayback(Path source, int viewWidth) {
        return Optional.empty();
    }

    /**
     * As {@link #proxyForPlayback}, in a given store and whatever "Use proxies" says (the command line's
     * {@code --store}): the smallest ready proxy at least {@code viewWidth} wide, else the largest, else empty. Marks
     * it used. Reads the store index; not on the event thread.
     */
    default Optional<ProxyFile> readyProxy(Path store, Path source, int viewWidth) {
        return Optional.empty();
    }
}
