package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.api.proxy.CleanupPolicy;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskService;

/**
 * Deleting proxies: on request, and to hold the store to its size limit (least recently used first). A proxy being
 * made, or made, found or played in the last {@link #IN_USE_MS} milliseconds, counts as in use and is never deleted.
 * The index entry goes first, then the files: a crash in between leaves stray files, never an entry without files.
 */
final class StoreCleanup {

    private static final Logger LOG = Logger.getLogger(StoreCleanup.class.getName());
    static final long IN_USE_MS = 60_000;

    private StoreCleanup() {
    }

    /** Holds the store to the configuration's size limit under its policy. */
    static String enforce(ProxyConfig config) {
        return enforce(config, IN_USE_MS);
    }

    /** {@link #enforce(ProxyConfig)} on the store's background thread. */
    static CompletableFuture<String> enforceInBackground(ProxyConfig config) {
        return CompletableFuture.supplyAsync(() -> enforce(config), ProxyEngine.get().background());
    }

    /** As {@link #enforce(ProxyConfig)}, with proxies used in the last {@code inUseMs} milliseconds kept. */
    static synchronized String enforce(ProxyConfig config, long inUseMs) {
        ProxyIndex index;
        try {
            index = ProxyEngine.get().index(config.settings().store());
        } catch (IOException ex) {
            return "Cannot clean up: " + ex.getMessage();
        }
        List<ProxyIndex.Stored> stored = index.stored();
        long total;
        try {
            total = StoreSpace.folderBytes(index.store()); // what the disk holds, the index included
        } catch (IOException ex) {
            return "Cannot clean up: cannot measure the proxy store " + index.store() + " (" + ex.getMessage() + ")";
        }
        long limit = config.maxCacheSizeBytes();
        if (total <= limit) {
            return String.format(Locale.ROOT, "The proxy store uses %s (its index included) of its %s limit; nothing"
                    + " to delete.", size(total), size(limit));
        }
        if (config.cleanupPolicy() == CleanupPolicy.MANUAL) {
            String msg = String.format(Locale.ROOT, "The proxy store %s uses %s (its index included), over its %s"
                    + " limit; the cleanup policy deletes nothing: delete proxies in the Proxy Manager or raise the limit in Tools >"
                    + " Options > Performance > Proxies.", index.store(), size(total), size(limit));
            LOG.warning(msg);
            return msg;
        }
        Set<String> busy = MediaList.activePlans();
        long now = System.currentTimeMillis();
        int deleted = 0;
        long freed = 0;
        for (ProxyIndex.Stored s : stored) {
            if (total <= limit) {
                break;
            }
            if (busy.contains(s.planKey()) || now - s.lastUse() < inUseMs) {
                continue;
            }
            long bytes = bytesOnDisk(s);
            Optional<ProxyIndex.Entry> removed;
            try {
                removed = index.removePlan(s.planKey());
            } catch (IOException ex) {
                String msg = "Cleanup stopped after " + deleted + " prox" + (deleted == 1 ? "y" : "ies") + ": "
                        + ex.getMessage();
                LOG.log(Level.WARNING, msg, ex);
                return msg;
            }
            if (removed.isPresent()) {
                deleteFiles(removed.get().proxies());
                deleted += removed.get().proxies().size();
                freed += bytes;
                total -= bytes;
            }
        }
        String msg = String.format(Locale.ROOT, "Deleted %d least recently used prox%s (%s); the store uses %s of its"
                + " %s limit", deleted, deleted == 1 ? "y" : "ies", size(freed), size(total), size(limit));
        if (total > limit) {
            msg += "; the rest is the store's index and proxies in use (being made or played in the last minute),"
                    + " which stay";
        }
        LOG.info(msg);
        return msg + ".";
    }

    /** Deletes the proxies of one source, cancelling its job first. */
    static synchronized String delete(ProxyConfig config, Path source) {
        Optional<TaskInfo> job = MediaList.activeJob(source);
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        if (job.isPresent() && tasks != null) {
            tasks.cancel(job.get().id(), "its proxies are being deleted");
            try {
                tasks.completion(job.get().id()).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return "Not deleted: interrupted while the proxy job of " + source.getFileName() + " stopped.";
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                return "Not deleted: the proxy job of " + source.getFileName() + " did not stop within 30 s ("
                        + ex.getMessage() + "); try again.";
            }
        }
        try {
            ProxyIndex index = ProxyEngine.get().index(config.settings().store());
            Optional<String[]> s = index.source(source.toString());
            if (s.isEmpty()) {
                return source + " is not on the media list.";
            }
            Optional<ProxyIndex.Entry> removed = index.removePlan(s.get()[0]);
            if (removed.isEmpty() || removed.get().proxies().isEmpty()) {
                return source.getFileName() + " has no proxies to delete.";
            }
            long bytes = removed.get().proxies().stream().mapToLong(ProxyFile::sizeBytes).sum();
            deleteFiles(removed.get().proxies());
            return String.format(Locale.ROOT, "Deleted %d prox%s of %s (%s).", removed.get().proxies().size(),
                    removed.get().proxies().size() == 1 ? "y" : "ies", source.getFileName(), size(bytes));
        } catch (IOException ex) {
            return "Not deleted: " + ex.getMessage();
        }
    }

    private static void deleteFiles(List<ProxyFile> proxies) {
        for (ProxyFile p : proxies) {
            try {
                Files.deleteIfExists(p.path());
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "cannot delete the proxy " + p.path() + "; delete it by hand", ex);
            }
        }
    }

    /** What the files take on the disk now (the index's sizes can be stale if someone replaced a file). */
    private static long bytesOnDisk(ProxyIndex.Stored s) {
        long sum = 0;
        for (ProxyFile p : s.entry().proxies()) {
            try {
                sum += StoreSpace.onDisk(p.path().getParent(), Files.size(p.path()));
            } catch (IOException ex) {
                LOG.log(Level.FINE, "proxy gone: " + p.path(), ex);
            }
        }
        return sum;
    }

    static String size(long bytes) {
        return ByteSizes.format(bytes);
    }
}
