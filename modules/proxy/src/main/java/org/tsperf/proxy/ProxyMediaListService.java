package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyMediaList;

/**
 * {@link ProxyMediaList}: the media list of the configured store ({@link MediaList}) and what the Proxy Manager does
 * with it; store changes run on the store's background thread ({@link ProxyEngine#background()}).
 */
@ServiceProvider(service = ProxyMediaList.class)
public final class ProxyMediaListService implements ProxyMediaList {

    private static final Logger LOG = Logger.getLogger(ProxyMediaListService.class.getName());

    private static ProxyConfig config() {
        return ProxyConfigStore.load(DefaultProxyService.defaultStore());
    }

    @Override
    public List<ProxyMedia> media() {
        return MediaList.media(config());
    }

    @Override
    public CompletableFuture<String> addMedia(List<Path> filesOrFolders) {
        List<Path> given = List.copyOf(filesOrFolders);
        return CompletableFuture.supplyAsync(() -> MediaList.add(config(), given), ProxyEngine.get().background());
    }

    @Override
    public void removeMedia(Path source) {
        Path src = source.toAbsolutePath().normalize();
        MediaList.cancel(src, "the source was taken off the media list");
        try {
            ProxyEngine.get().index(config().settings().store()).forget(src.toString());
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "cannot take " + src + " off the media list", ex);
        }
        MediaList.forgetDescription(src);
    }

    @Override
    public CompletableFuture<String> deleteProxies(Path source) {
        Path src = source.toAbsolutePath().normalize();
        return CompletableFuture.supplyAsync(() -> StoreCleanup.delete(config(), src), ProxyEngine.get().background());
    }

    @Override
    public CompletableFuture<String> cleanUp() {
        return StoreCleanup.enforceInBackground(config());
    }
}
