package org.tsperf.playback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyCounts;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.proxy.ProxyService;

/**
 * The proxy store as the player sees it, for tests: proxies (real files made by ffmpeg) registered by hand instead
 * of made by the proxy engine, answered only while their file exists, as the real index does.
 */
@ServiceProvider(service = ProxyService.class)
public final class TestProxies implements ProxyService {

    static final Map<Path, ProxyFile> PROXIES = new ConcurrentHashMap<>();

    @Override
    public ProxyCounts counts() {
        return new ProxyCounts(PROXIES.size(), PROXIES.size());
    }

    @Override
    public CompletableFuture<String> generateMissing() {
        return CompletableFuture.completedFuture("nothing to make");
    }

    @Override
    public ProxyJob generateInBackground(Path source, ProxySettings settings) {
        throw new UnsupportedOperationException("the player makes no proxies");
    }

    @Override
    public ProxyJob generateNow(Path source, ProxySettings settings) {
        throw new UnsupportedOperationException("the player makes no proxies");
    }

    @Override
    public boolean cancel(Path source, String reason) {
        return false;
    }

    @Override
    public Optional<ProxyFile> readyProxy(Path store, Path source, int viewWidth) {
        return proxyForPlayback(source, viewWidth);
    }

    @Override
    public ProxyConfig config() {
        return ProxyConfig.defaults(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public Optional<ProxyFile> proxyForPlayback(Path source, int viewWidth) {
        return Optional.ofNullable(PROXIES.get(source.toAbsolutePath().normalize()))
                .filter(p -> Files.exists(p.path()));
    }
}
