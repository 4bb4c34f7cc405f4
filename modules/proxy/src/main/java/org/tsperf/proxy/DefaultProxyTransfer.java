package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.proxy.ProxyTransfer;

/**
 * {@link ProxyTransfer}: the proxies are made by the usual proxy task into a store of their own; taking them into
 * another store reads their description ({@link PlanFile}, CRC-checked), checks each file against it, copies each
 * aside in the store and renames it into place, then records the plan as a local task does ({@link ProxyIndex#put}).
 */
@ServiceProvider(service = ProxyTransfer.class)
public final class DefaultProxyTransfer implements ProxyTransfer {

    @Override
    public Optional<ProxyResult> ready(Path source, ProxySettings settings) throws IOException {
        Path src = source.toAbsolutePath().normalize();
        DefaultProxyService.refuseUnreadable(src);
        ProxyIndex index = ProxyEngine.get().index(settings.store());
        String planKey = Fingerprint.plan(Fingerprint.of(src), settings);
        Optional<ProxyIndex.Entry> found = index.finished(planKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        index.touch(planKey);
        return Optional.of(DefaultProxyService.existing(index, planKey, src, found.get()));
    }

    @Override
    public ProxyResult makeInto(Path folder, Path source, ProxySettings settings) throws InterruptedException {
        Path src = source.toAbsolutePath().normalize();
        ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
        try {
            Files.createDirectories(folder);
            ProxyJob job = proxies.generateNow(src, settings.withStore(folder));
            try {
                return job.result().get();
            } catch (InterruptedException ex) {
                job.cancel("the worker was stopped");
                throw ex;
            }
        } catch (IOException ex) {
            return ProxyResult.failed(src, src + ": the folder " + folder + " cannot be made: " + ex.getMessage(),
                    List.of());
        } catch (ExecutionException ex) {
            return ProxyResult.failed(src, src + ": " + ex.getCause(), List.of());
        } finally {
            ProxyEngine.get().release(folder);
        }
    }

    @Override
    public List<Path> madeFiles(Path folder, Path source, ProxySettings settings) throws IOException {
        PlanFile.Description d = made(folder, source.toAbsolutePath().normalize(), settings);
        List<Path> files = new ArrayList<>();
        for (PlanFile.Proxy p : d.proxies()) {
            files.add(p.file().path());
        }
        files.add(PlanFile.path(folder, d.planKey()));
        return files;
    }

    /** The description of the proxies made in {@code folder}, checked against its files. */
    private static PlanFile.Description made(Path folder, Path src, ProxySettings settings) throws IOException {
        String planKey = Fingerprint.plan(Fingerprint.of(src), settings);
        Path file = PlanFile.path(folder, planKey);
        if (!Files.isRegularFile(file)) {
            throw new IOException("the proxies of " + src + " are not described in " + folder + " (no " + file
                    .getFileName() + ")");
        }
        PlanFile.Description d;
        try {
            d = PlanFile.read(folder, file);
        } catch (IOException ex) {
            throw new IOException("the description " + file + " of the proxies of " + src + " is not usable: "
                    + ex.getMessage(), ex);
        }
        Optional<String> wrong = PlanFile.checkFiles(folder, d);
        if (wrong.isPresent()) {
            throw new IOException("the proxies of " + src + " in " + folder + " are not as described: "
                    + wrong.get());
        }
        return d;
    }

    @Override
    public ProxyResult adopt(Path folder, Path source, ProxySettings settings) throws IOException {
        Path src = source.toAbsolutePath().normalize();
        PlanFile.Description d = made(folder, src, settings);
        ProxyIndex index = ProxyEngine.get().index(settings.store());
        Path store = index.store();
        Files.createDirectories(store);
        List<Path> temps = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        List<PlanFile.Proxy> proxies = new ArrayList<>();
        boolean done = false;
        try {
            for (PlanFile.Proxy p : d.proxies()) {
                ProxyFile f = p.file();
                String name = f.path().getFileName().toString();
                int dot = name.lastIndexOf('.');
                Path target = store.resolve(name);
                Path temp = Files.createTempFile(store, name.substring(0, dot) + ".partial.adopt-",
                        name.substring(dot));
                temps.add(temp);
                Files.copy(f.path(), temp, StandardCopyOption.REPLACE_EXISTING);
                if (Files.size(temp) != f.sizeBytes()) {
                    throw new IOException(f.path() + " changed while it was copied into the store " + store);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                placed.add(target);
                proxies.add(new PlanFile.Proxy(new ProxyFile(f.resolution(), target, f.sizeBytes(), f.width(),
                        f.height(), f.codec()), p.frames()));
            }
            index.put(new PlanFile.Description(d.planKey(), d.content(), src.toString(), d.sourceBytes(),
                    d.sourceModified(), settings.withStore(store), proxies, d.reasons(), System.currentTimeMillis()));
            done = true;
        } catch (IOException ex) {
            if (StoreSpace.ranOut(StoreSpace.messages(ex), store)) {
                throw StoreSpace.full(src, store, StoreSpace.sizes(placed), 0, 0, ex);
            }
            throw ex;
        } finally {
            if (!done) {
                for (Path p : temps) {
                    ProxyTaskHandler.deleteQuietly(p);
                }
                for (Path p : placed) {
                    ProxyTaskHandler.deleteQuietly(p);
                }
            }
        }
        ProxyConfig c = Lookup.getDefault().lookup(ProxyService.class).config();
        if (store.equals(c.settings().store().toAbsolutePath().normalize())) {
            StoreCleanup.enforceInBackground(c); // the store grew: hold it to its limit
        }
        List<ProxyFile> files = index.finished(d.planKey()).map(ProxyIndex.Entry::proxies).orElse(List.of());
        return new ProxyResult(src, ProxyResult.Status.GENERATED, files, d.reasons(), "");
    }
}
