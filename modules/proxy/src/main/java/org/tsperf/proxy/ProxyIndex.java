package org.tsperf.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.util.EventThread;

/**
 * The index of one proxy store: a small transactional MapDB file ({@code index.db}) next to the proxies. A plan is
 * written in one commit after all its proxies were verified and renamed into place, so an entry always means
 * finished proxies. Opened and kept by {@link ProxyEngine}, one per store. Thread-safe.
 */
final class ProxyIndex implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProxyIndex.class.getName());
    static final String FILE = "index.db";

    private final Path store;
    /** The open file; opened again from what was committed after a write failed (a full disk). Guarded by this. */
    private DB db;
    /** plan key -> finished plan */
    private HTreeMap<String, String> plans;
    /** source path -> plan key | wanted proxy count */
    private HTreeMap<String, String> sources;
    /** plan key -> when its proxies were last made, found or played (epoch ms), for least-recently-used cleanup */
    private HTreeMap<String, Long> lastUse;
    /** source path -> why its last proxy job failed, until a later one succeeds */
    private HTreeMap<String, String> failures;
    /** Closed by {@link #close()} (not by a failed write, after which the file is opened again). */
    private boolean closed;

    /** A finished plan as stored. */
    record Entry(String source, List<ProxyFile> proxies, List<String> reasons) {
    }

    /**
     * What the index holds, decoded, as of the last commit: the Proxy Manager and the Performance Monitor ask several
     * times a second, and only this process writes the index (MapDB holds its file lock), so reads come from here
     * and the file is read again only after a change.
     */
    private record Snapshot(Map<String, Entry> plans, Map<String, String> sources, Map<String, String> failures) {
    }

    /** Null after a change: the next read decodes the index once. Guarded by this. */
    private Snapshot snapshot;
    /** Commits so far: a reader that remembers what it built from the index rebuilds it only when this moved. */
    private long version;

    private ProxyIndex(Path store) throws IOException {
        this.store = store;
        EventThread.checkOff("opening the proxy index " + store.resolve(FILE));
        Files.createDirectories(store);
        openFile();
    }

    private void openFile() throws IOException {
        try {
            db = DBMaker.fileDB(store.resolve(FILE).toFile()).transactionEnable().closeOnJvmShutdown().make();
        } catch (DBException ex) {
            if (StoreSpace.ranOut(StoreSpace.messages(ex), store)) {
                throw StoreSpace.indexFull(store.resolve(FILE), ex);
            }
            throw new IOException("the proxy index " + store.resolve(FILE) + " cannot be opened (" + ex.getMessage()
                    + "). If a workbench or another tsperf command uses this store, close it or choose another store.",
                    ex);
        }
        try {
            // an index that has its maps is opened without a write, so that it can be read on a full disk
            boolean fresh = !(db.exists("plans") && db.exists("sources") && db.exists("lastUse")
                    && db.exists("failures"));
            plans = db.hashMap("plans", Serializer.STRING, Serializer.STRING).createOrOpen();
            sources = db.hashMap("sources", Serializer.STRING, Serializer.STRING).createOrOpen();
            lastUse = db.hashMap("lastUse", Serializer.STRING, Serializer.LONG).createOrOpen();
            failures = db.hashMap("failures", Serializer.STRING, Serializer.STRING).createOrOpen();
            if (fresh) {
                db.commit();
            }
        } catch (RuntimeException ex) {
            db.close();
            throw StoreSpace.ranOut(StoreSpace.messages(ex), store) ? StoreSpace.indexFull(store.resolve(FILE),
                    ex) : new IOException("the proxy index " + store.resolve(FILE) + " cannot be read (" + ex
                    + "); move it aside to start an empty index (the proxies stay and are found again)", ex);
        }
    }

    /** Opens the index of a store; {@link ProxyEngine#index} keeps one per store open. */
    static ProxyIndex open(Path store) throws IOException {
        return new ProxyIndex(store.toAbsolutePath().normalize());
    }

    /** The file is open, or opened again after a failed write; else the reason, unchecked. */
    private void ensureOpen() {
        if (db == null || db.isClosed()) {
            if (closed) {
                throw new IllegalStateException("the proxy index " + store.resolve(FILE) + " is closed");
            }
            try {
                openFile();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private Snapshot snapshot() {
        if (snapshot == null) {
            ensureOpen();
            Map<String, Entry> p = new HashMap<>();
            try {
                plans.forEach((k, v) -> p.put(k, decode(v)));
                snapshot = new Snapshot(Map.copyOf(p), Map.copyOf(sources), Map.copyOf(failures));
            } catch (RuntimeException ex) { // MapDB's own failures on a damaged file (a kill -9 in a commit)
                throw new UncheckedIOException(new IOException("the proxy index " + store.resolve(FILE)
                        + " is damaged and cannot be read (" + ex + "); move it aside to start an empty index "
                        + "(the proxies are then made again when needed)", ex));
            }
        }
        return snapshot;
    }

    /** Commits the MapDB transaction; what was read before is read again. */
    private void commit() {
        snapshot = null;
        db.commit();
        version++;
    }

    /**
     * Makes changes and commits them, or rolls them back when the file cannot be written (a full disk): what was
     * committed before stays, and the next change works once there is space again. MapDB writes its log as the
     * maps change, so the changes themselves are inside.
     *
     * @throws StoreSpace.StoreFullException when the disk is full
     * @throws IOException                     when the file cannot be written for another reason
     */
    private void change(Runnable changes) throws IOException {
        try {
            ensureOpen();
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        Snapshot before = snapshot; // still true if the changes fail: they are rolled back
        try {
            changes.run();
        } catch (RuntimeException ex) {
            // MapDB's log is unusable after a failed write (even a rollback fails): close the file and read it again
            // from what was committed, now or at the next use if the disk is still full
            snapshot = before;
            try {
                db.close();
            } catch (RuntimeException closing) {
                ex.addSuppressed(closing);
            }
            try {
                openFile();
            } catch (IOException reopen) {
                LOG.log(Level.FINE, "the proxy index opens again at its next use", reopen);
            }
            Path file = store.resolve(FILE);
            IOException why = StoreSpace.ranOut(StoreSpace.messages(ex), store)
                    ? StoreSpace.indexFull(file, ex)
                    : new IOException("the proxy index " + file + " could not be written (" + StoreSpace.messages(ex)
                            + "); nothing was changed", ex);
            LOG.log(Level.WARNING, why.getMessage(), ex);
            throw why;
        }
    }

    /** Changes committed so far in this process (0 for a freshly opened index). */
    synchronized long version() {
        return version;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    Path store() {
        return store;
    }

    /** A finished plan whose proxy files all still exist. */
    synchronized Optional<Entry> finished(String planKey) {
        Entry e = snapshot().plans().get(planKey);
        if (e == null) {
            return Optional.empty();
        }
        for (ProxyFile p : e.proxies()) {
            if (!isStoredFile(p.path())) {
                return Optional.empty();
            }
        }
        return Optional.of(e);
    }

    /**
     * A plain file directly in this store: not a symbolic link (one put in the store's place of a proxy, pointing out
     * of it, is not played, counted or served as a proxy: it is made again).
     */
    private boolean isStoredFile(Path proxy) {
        if (!store.equals(proxy.getParent())) {
            return false;
        }
        try {
            return Files.readAttributes(proxy, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).isRegularFile();
        } catch (IOException e) {
            return false;
        }
    }

    /** Records finished proxies (one commit). */
    synchronized void put(String planKey, String source, List<ProxyFile> proxies, List<String> reasons) throws IOException {
        change(() -> {
            plans.put(planKey, encode(new Entry(source, proxies, reasons)));
            sources.put(source, planKey + "|" + proxies.size());
            lastUse.put(planKey, System.currentTimeMillis());
            failures.remove(source);
            commit();
        });
    }

    /** The plan's proxies were found or played now: cleanup deletes them later. */
    synchronized void touch(String planKey) {
        try {
            ensureOpen();
            if (plans.containsKey(planKey)) {
                change(() -> {
                    lastUse.put(planKey, System.currentTimeMillis());
                    db.commit(); // last-use times are not in the snapshot: readers keep theirs
                });
            }
        } catch (IOException | UncheckedIOException ex) {
            // only the cleanup order depends on it: the proxies are still used
            LOG.log(Level.WARNING, "the last use of " + planKey + " is not recorded", ex);
        }
    }

    /** Remembers why the last proxy job of a source failed (shown until a later one succeeds). */
    synchronized void failed(String source, String reason) throws IOException {
        change(() -> {
            failures.put(source, reason);
            commit();
        });
    }

    synchronized Optional<String> failure(String source) {
        return Optional.ofNullable(snapshot().failures().get(source));
    }

    /** Takes a source off the list; its plan stays (other paths of the same content may use it). */
    synchronized void forget(String source) throws IOException {
        change(() -> {
            sources.remove(source);
            failures.remove(source);
            commit();
        });
    }

    /**
     * Removes a finished plan from the index (one commit) and returns it, so that its files can be deleted after:
     * a crash in between leaves files no entry points to, never an entry without its files.
     */
    synchronized Optional<Entry> removePlan(String planKey) throws IOException {
        String[] text = new String[1];
        change(() -> {
            text[0] = plans.remove(planKey);
            lastUse.remove(planKey);
            commit();
        });
        return text[0] == null ? Optional.empty() : Optional.of(decode(text[0]));
    }

    /** A finished plan with when it was last used. */
    record Stored(String planKey, Entry entry, long lastUse) {

        long bytes() {
            return entry.proxies().stream().mapToLong(ProxyFile::sizeBytes).sum();
        }
    }

    /** Every finished plan, least recently used first. */
    synchronized List<Stored> stored() {
        ensureOpen();
        List<Stored> all = new ArrayList<>();
        plans.forEach((k, v) -> all.add(new Stored(k, decode(v), lastUse.getOrDefault(k, 0L))));
        all.sort(java.util.Comparator.comparingLong(Stored::lastUse));
        return all;
    }

    /** A source's plan key and wanted count, if it is on the list. */
    synchronized Optional<String[]> source(String source) {
        String v = snapshot().sources().get(source);
        return v == null ? Optional.empty() : Optional.of(v.split("\\|", 2));
    }

    /** Points a finished plan at the path its content has now (a renamed or moved source). */
    synchronized void relink(String planKey, String newSource) throws IOException {
        ensureOpen();
        String text = plans.get(planKey);
        if (text != null) {
            Entry e = decode(text);
            change(() -> {
                plans.put(planKey, encode(new Entry(newSource, e.proxies(), e.reasons())));
                String old = sources.get(e.source());
                if (old != null && old.startsWith(planKey + "|")) {
                    sources.remove(e.source());
                }
                sources.put(newSource, planKey + "|" + e.proxies().size());
                commit();
            });
        }
    }

    /** Remembers a source whose proxies are wanted (so counts and "generate missing" know it). */
    synchronized void want(String source, String planKey, int wanted) throws IOException {
        change(() -> {
            sources.put(source, planKey + "|" + wanted);
            commit();
        });
    }

    /** Known sources and their plan keys. */
    synchronized Map<String, String> sources() {
        Map<String, String> m = new HashMap<>();
        snapshot().sources().forEach((k, v) -> m.put(k, v.substring(0, v.indexOf('|'))));
        return m;
    }

    /** Proxies ready / proxies wanted over the known sources. */
    synchronized int[] counts() {
        int generated = 0;
        int wanted = 0;
        for (Map.Entry<String, String> s : snapshot().sources().entrySet()) {
            String v = s.getValue();
            int bar = v.indexOf('|');
            wanted += Integer.parseInt(v.substring(bar + 1));
            Optional<Entry> e = finished(v.substring(0, bar));
            if (e.isPresent()) {
                generated += e.get().proxies().size();
            }
        }
        return new int[] {generated, Math.max(generated, wanted)};
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (db != null && !db.isClosed()) {
            try {
                db.close();
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "closing the proxy index of " + store + " failed", ex);
            }
        }
    }

    // one line per field, tab-separated; paths of proxies relative to the store so a moved store still works
    private String encode(Entry e) {
        StringBuilder b = new StringBuilder("source\t").append(e.source()).append('\n');
        for (ProxyFile p : e.proxies()) {
            b.append("proxy\t").append(p.resolution()).append('\t').append(store.relativize(p.path())).append('\t')
                    .append(p.sizeBytes()).append('\t').append(p.width()).append('\t').append(p.height()).append('\t')
                    .append(p.codec()).append('\n');
        }
        for (String r : e.reasons()) {
            b.append("reason\t").append(r.replace('\n', ' ').replace('\t', ' ')).append('\n');
        }
        return b.toString();
    }

    private Entry decode(String text) {
        String source = "";
        List<ProxyFile> proxies = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "source" -> source = f[1];
                case "proxy" -> proxies.add(new ProxyFile(f[1], store.resolve(f[2]), Long.parseLong(f[3]),
                        Integer.parseInt(f[4]), Integer.parseInt(f[5]), f[6]));
                case "reason" -> reasons.add(f[1]);
                default -> LOG.log(Level.FINE, "unknown index line {0}", f[0]);
            }
        }
        return new Entry(source, proxies, reasons);
    }
}
