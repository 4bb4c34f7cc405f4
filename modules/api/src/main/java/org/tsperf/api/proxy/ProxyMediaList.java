package org.tsperf.api.proxy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Proxy Manager's media list: the sources a proxy store knows, with the state of every proxy, and what the user
 * does with them (add, remove, delete proxies, clean up the store). Provided by the proxy module; thread-safe.
 */
public interface ProxyMediaList {

    /** The media list with the state of every proxy. Reads the store index; not on the event thread. */
    List<ProxyMedia> media();

    /**
     * Adds media files, and the media files inside folders (recursively), to the media list; with
     * {@link ProxyConfig#generateAsync()} their proxies are queued at once (in the background).
     *
     * @return completes with a summary for the user (how many added, which paths were refused and why)
     */
    CompletableFuture<String> addMedia(List<Path> filesOrFolders);

    /** Takes a source off the media list, cancelling its job (its proxies stay until deleted or cleaned up). */
    void removeMedia(Path source);

    /**
     * Deletes the proxies of a source (cancelling its job first).
     *
     * @return completes with what was deleted, in words
     */
    CompletableFuture<String> deleteProxies(Path source);

    /**
     * Enforces the size limit now under the cleanup policy: deletes the least recently used proxies, never one being
     * made or in use, until the store fits.
     *
     * @return completes with what was deleted, or why nothing was
     */
    CompletableFuture<String> cleanUp();
}
