package org.tsperf.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.openide.util.Lookup;
import org.openide.util.RequestProcessor;
import org.openide.util.lookup.ServiceProvider;

/**
 * The proxy module's state, in one place: the open store indexes (one MapDB file per store folder, opened at first
 * use), the descriptions of the media probed so far, the thumbnail strips worked out so far and the store's
 * background thread. One instance, found through Lookup ({@link #get()}); the module's services share it and
 * {@link ProxyLifecycle} closes it when the module is disabled or the application exits. (The configuration lives in
 * the module's preferences: {@link ProxyConfigStore}.) Thread-safe.
 */
@ServiceProvider(service = ProxyEngine.class)
public final class ProxyEngine {

    static final String SWITCHED_OFF = "the Proxy Manager module is switched off";

    private final Map<Path, ProxyIndex> indexes = new ConcurrentHashMap<>();
    /** Descriptions of sources by path, size and modification time, so a source is probed once. */
    private final Map<Path, String> descriptions = new ConcurrentHashMap<>();
    /** Thumbnail strip requests by source, count and width, with the source's size and time they were made for. */
    private final Map<String, ThumbnailStrips.Remembered> stripRequests = new ConcurrentHashMap<>();
    /** Index reads, folder walks and file deletion for the Proxy Manager: never on the event thread. */
    private RequestProcessor background;
    /** Set when the module goes: no index opens again (a window still sampling until it closes must not). */
    private volatile boolean shutDown;

    /** The module's state, from the global Lookup. */
    static ProxyEngine get() {
        ProxyEngine e = Lookup.getDefault().lookup(ProxyEngine.class);
        if (e == null) {
            throw new IllegalStateException("the proxy module is not enabled");
        }
        return e;
    }

    /** The index of a store, opened once (until {@link #close()} or its own close). */
    ProxyIndex index(Path store) throws IOException {
        if (shutDown) {
            throw new IOException(SWITCHED_OFF);
        }
        Path key = store.toAbsolutePath().normalize();
        ProxyIndex index;
        try {
            index = indexes.compute(key, (k, open) -> {
                if (open != null && !open.isClosed()) {
                    return open;
                }
                try {
                    return ProxyIndex.open(k);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        if (shutDown) { // the module went while this opened it: nobody else would close it
            indexes.remove(key, index);
            index.close();
            throw new IOException(SWITCHED_OFF);
        }
        return index;
    }

    /** Closes the index of one store, if open (a job's own store, before its folder is handed on or removed). */
    void release(Path store) {
        ProxyIndex open = indexes.remove(store.toAbsolutePath().normalize());
        if (open != null) {
            open.close();
        }
    }

    /**
     * The module is going (disabled or uninstalled at runtime, or the application exits): closes every index and
     * opens none again in this module instance, so the store's file lock is free for the module installed next.
     */
    void shutDown() {
        shutDown = true;
        close();
    }

    boolean isShutDown() {
        return shutDown;
    }

    Map<Path, String> descriptions() {
        return descriptions;
    }

    Map<String, ThumbnailStrips.Remembered> stripRequests() {
        return stripRequests;
    }

    /** The store's background thread (one: store changes run one after the other). */
    synchronized Executor background() {
        if (background == null || background.isShutdown()) {
            background = new RequestProcessor("Proxy store", 1, true);
        }
        return background;
    }

    /** Closes every open index (their file locks go too) and forgets the descriptions; a later use reopens. */
    void close() {
        for (ProxyIndex i : new ArrayList<>(indexes.values())) {
            i.close();
        }
        indexes.clear();
        descriptions.clear();
        stripRequests.clear();
        synchronized (this) {
            if (background != null) {
                background.shutdown();
            }
        }
    }

    /** How many store indexes are open now. */
    int openIndexes() {
        return (int) indexes.values().stream().filter(i -> !i.isClosed()).count();
    }
}
