package org.tsperf.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    /** The damaged files moved aside when this index was last rebuilt; null if it was not. Guarded by this. */
    private List<Path> rebuiltFrom;

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
        Path file = store.resolve(FILE);
        try {
            openMaps();
            adoptUnlisted();
        } catch (DBException.FileLocked ex) {
            throw new IOException("the proxy index " + file + " cannot be opened (" + ex.getMessage()
                    + "). If a workbench or another tsperf command uses this store, close it or choose another store.",
                    ex);
        } catch (RuntimeException ex) {
            if (StoreSpace.ranOut(StoreSpace.messages(ex), store)) {
                throw StoreSpace.indexFull(file, ex);
            }
            if (!damage(ex)) {
                throw new IOException("the proxy index " + file + " cannot be read (" + ex + "); check that the"
                        + " store folder " + store + " can be read and written", ex);
            }
            rebuild(ex);
        }
    }

    /**
     * Opens the file and reads all of it once, so that damage shows here (and is repaired) rather than at a later
     * read; an index that has its maps is opened without a write, so that it can be read on a full disk.
     */
    private void openMaps() {
        db = DBMaker.fileDB(store.resolve(FILE).toFile()).transactionEnable().closeOnJvmShutdown().make();
        try {
            boolean fresh = !(db.exists("plans") && db.exists("sources") && db.exists("lastUse")
                    && db.exists("failures"));
            plans = db.hashMap("plans", Serializer.STRING, Serializer.STRING).createOrOpen();
            sources = db.hashMap("sources", Serializer.STRING, Serializer.STRING).createOrOpen();
            lastUse = db.hashMap("lastUse", Serializer.STRING, Serializer.LONG).createOrOpen();
            failures = db.hashMap("failures", Serializer.STRING, Serializer.STRING).createOrOpen();
            if (fresh) {
                db.commit();
            }
            snapshot = null;
            snapshot = read();
            lastUse.forEach((k, v) -> Objects.requireNonNull(v, k));
        } catch (RuntimeException ex) {
            closeAfter(ex);
            throw ex;
        }
    }

    /**
     * Lists the plans a crash stopped after their description was written and before the index's commit, so that
     * their proxies are used (and cleaned up) rather than made again. Writes only when there is such a plan.
     */
    private void adoptUnlisted() {
        List<PlanFile.Description> unlisted;
        try {
            unlisted = ProxyIndexRebuild.unlisted(store, snapshot.plans().keySet());
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the plan descriptions of " + store + " cannot be listed; plans a crash left out"
                    + " of the index are made again when needed", ex);
            return;
        }
        if (unlisted.isEmpty()) {
            return;
        }
        try {
            for (PlanFile.Description d : unlisted) {
                plans.put(d.planKey(), encode(new Entry(d.source(), d.files(), d.reasons())));
                if (!snapshot.sources().containsKey(d.source())) {
                    sources.put(d.source(), d.planKey() + "|" + d.proxies().size());
                }
                lastUse.put(d.planKey(), d.writtenMillis());
            }
            commit();
            snapshot = read();
        } catch (RuntimeException ex) { // a full disk: the index opens as it was committed, without them
            LOG.log(Level.WARNING, "the proxy index " + store.resolve(FILE) + " could not list " + unlisted.size()
                    + " finished plan(s) a crash had left out of it (" + StoreSpace.messages(ex) + "); their proxies"
                    + " are made again when needed", ex);
            closeAfter(ex);
            openMaps();
            return;
        }
        LOG.log(Level.INFO, "{0}: listed {1} finished plan(s) a crash had left out of the index ({2})",
                new Object[] {store.resolve(FILE), unlisted.size(), unlisted.stream().map(PlanFile.Description::source)
                    .collect(java.util.stream.Collectors.joining(", "))});
    }

    /** Closes the file after it failed; a failure to close is added to {@code ex}. */
    private void closeAfter(RuntimeException ex) {
        try {
            if (db != null && !db.isClosed()) {
                db.close();
            }
        } catch (RuntimeException closing) {
            ex.addSuppressed(closing);
        }
    }

    /**
     * The index file cannot be opened, read or written for another reason than a full disk or another process: a
     * crash (a kill -9 in a commit, a power cut) damaged it. It is moved aside and made again from the plan
     * descriptions in the store ({@link ProxyIndexRebuild}), and the whole story is logged.
     *
     * @throws IOException when that fails too (the store cannot be written)
     */
    private void rebuild(RuntimeException damage) throws IOException {
        Path file = store.resolve(FILE);
        closeAfter(damage);
        long started = System.nanoTime();
        List<Path> aside;
        ProxyIndexRebuild.Found found;
        try {
            aside = ProxyIndexRebuild.moveAside(store, FILE);
            found = ProxyIndexRebuild.scan(store);
            openMaps();
            found.plans().forEach((key, d) -> {
                plans.put(key, encode(new Entry(d.source(), d.files(), d.reasons())));
                lastUse.put(key, d.writtenMillis());
            });
            found.sources().forEach((source, key) -> sources.put(source, key + "|"
                    + found.plans().get(key).proxies().size()));
            commit();
        } catch (IOException | RuntimeException ex) {
            closeAfter(damage);
            ex.addSuppressed(damage);
            IOException why = StoreSpace.ranOut(StoreSpace.messages(ex), store) ? StoreSpace.indexFull(file, ex)
                    : new IOException("the proxy index " + file + " is damaged (" + damage + ") and could not be"
                    + " rebuilt from the store's plan descriptions (" + ex + "); move the files " + FILE + "* of "
                    + store + " aside to start an empty index", ex);
            LOG.log(Level.SEVERE, why.getMessage(), ex);
            throw why;
        }
        rebuiltFrom = aside;
        LOG.log(Level.WARNING, String.format(Locale.ROOT, "The proxy index %s could not be used (%s): a crash (a kill"
                + " -9 or a power cut while it was written) damaged it. It was moved aside to %s and rebuilt in %d ms"
                + " from the plan descriptions in the store: %d plan(s) with %d prox%s found again; %d file(s) not"
                + " trusted were removed%s. Sources listed without proxies and the reasons of failed jobs were only in"
                + " the old index: add and generate them again.", file, damage, aside.stream().map(p -> p
                .getFileName().toString()).collect(java.util.stream.Collectors.joining(", ")),
                (System.nanoTime() - started) / 1_000_000, found.plans().size(), found.proxies(),
                found.proxies() == 1 ? "y" : "ies", found.removed().size(), found.removed().isEmpty() ? ""
                : " (" + String.join("; ", found.removed().subList(0, Math.min(5, found.removed().size())))
                + (found.removed().size() > 5 ? "; and " + (found.removed().size() - 5) + " more, each logged" : "")
                + ")"), damage);
    }

    /**
     * The index files moved aside by the last rebuild in this process, if the index was rebuilt (for tests and
     * support: the workbench says so in its log).
     */
    synchronized Optional<List<Path>> rebuiltFrom() {
        return Optional.ofNullable(rebuiltFrom);
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
            try {
                snapshot = read();
            } catch (RuntimeException ex) { // MapDB's own failures on a damaged file (a kill -9 in a commit)
                if (StoreSpace.ranOut(StoreSpace.messages(ex), store)) {
                    throw new UncheckedIOException(StoreSpace.indexFull(store.resolve(FILE), ex));
                }
                try {
                    rebuild(ex);
                    snapshot = read();
                } catch (IOException rebuilding) {
                    throw new UncheckedIOException(rebuilding);
                }
            }
        }
        return snapshot;
    }

    /** Decodes what the maps hold. */
    private Snapshot read() {
        Map<String, Entry> p = new HashMap<>();
        plans.forEach((k, v) -> p.put(k, decode(v)));
        return new Snapshot(Map.copyOf(p), Map.copyOf(sources), Map.copyOf(failures));
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
            snapshot = before;
            closeAfter(ex);
            if (!StoreSpace.ranOut(StoreSpace.messages(ex), store) && damage(ex)) {
                // a crash damaged the file in a way only a write shows: rebuild it, then make the changes there
                rebuild(ex);
                try {
                    changes.run();
                    return;
                } catch (RuntimeException again) {
                    again.addSuppressed(ex);
                    snapshot = null;
                    closeAfter(again);
                    throw failedWrite(again);
                }
            }
            throw failedWrite(ex);
        }
    }

    /**
     * MapDB's log is unusable after a failed write (even a rollback fails): the file, closed, is opened again from
     * what was committed, now or at the next use if the disk is still full.
     */
    private IOException failedWrite(RuntimeException ex) {
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
        return why;
    }

    /**
     * A failure of MapDB that says the file's content is wrong (what a kill -9 in a commit leaves: a broken
     * checksum, an index out of bounds replaying the log), not one of the disk, the file lock or the thread.
     */
    static boolean damage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof DBException.VolumeIOError
                    || t instanceof DBException.VolumeClosed || t instanceof DBException.VolumeClosedByInterrupt
                    || t instanceof DBException.Interrupted || t instanceof DBException.FileLocked
                    || t instanceof DBException.OutOfMemory || t instanceof DBException.WrongConfiguration
                    || t instanceof java.nio.channels.OverlappingFileLockException) {
                return false;
            }
        }
        return true;
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

    /**
     * Records a finished plan: its description is written next to its proxies first ({@link PlanFile}), then the
     * index is changed in one commit; a crash in between leaves a description the next rebuild trusts, never an entry
     * without one. When the index cannot be written, the description goes too.
     */
    synchronized void put(PlanFile.Description plan) throws IOException {
        try {
            PlanFile.write(store, plan);
        } catch (IOException ex) {
            throw StoreSpace.ranOut(StoreSpace.messages(ex), store) ? StoreSpace.indexFull(PlanFile.path(store,
                    plan.planKey()), ex) : ex;
        }
        String planKey = plan.planKey();
        String source = plan.source();
        try {
            change(() -> {
                plans.put(planKey, encode(new Entry(source, plan.files(), plan.reasons())));
                sources.put(source, planKey + "|" + plan.proxies().size());
                lastUse.put(planKey, System.currentTimeMillis());
                failures.remove(source);
                commit();
            });
        } catch (IOException ex) {
            try {
                Files.deleteIfExists(PlanFile.path(store, planKey));
            } catch (IOException deleting) {
                ex.addSuppressed(deleting);
            }
            throw ex;
        }
    }

    /** The plan's proxies were found or played now: cleanup deletes them later. */
    synchronized void touch(String planKey) {
        try {
            if (known(planKey)) {
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

    /**
     * The index lists the plan: from the snapshot when there is one, else from the file without decoding all of it
     * (a touch follows every put, which drops the snapshot); damage met there is repaired as elsewhere.
     */
    private boolean known(String planKey) {
        if (snapshot != null) {
            return snapshot.plans().containsKey(planKey);
        }
        ensureOpen();
        try {
            return plans.containsKey(planKey);
        } catch (RuntimeException ex) {
            if (StoreSpace.ranOut(StoreSpace.messages(ex), store) || !damage(ex)) {
                throw ex;
            }
            return snapshot().plans().containsKey(planKey); // snapshot() reads, finds the damage and rebuilds
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
        // the description before the proxies: a crash in between leaves proxies a rebuild does not trust
        Path description = PlanFile.path(store, planKey);
        try {
            Files.deleteIfExists(description);
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "cannot delete the plan description " + description + "; delete it by hand", ex);
        }
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
        try {
            return storedNow();
        } catch (RuntimeException ex) { // MapDB's own failure on a damaged file, which the snapshot did not touch
            if (StoreSpace.ranOut(StoreSpace.messages(ex), store) || !damage(ex)) {
                throw ex;
            }
            try {
                rebuild(ex);
            } catch (IOException rebuilding) {
                throw new UncheckedIOException(rebuilding);
            }
            return storedNow();
        }
    }

    private List<Stored> storedNow() {
        List<Stored> all = new ArrayList<>();
        snapshot().plans().forEach((k, e) -> all.add(new Stored(k, e, lastUse.getOrDefault(k, 0L))));
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
        Entry e;
        try {
            e = snapshot().plans().get(planKey);
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        if (e != null) {
            describeAt(planKey, newSource);
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

    /** The plan's description names the source's new path, so that a rebuild lists it there. */
    private void describeAt(String planKey, String newSource) throws IOException {
        Path file = PlanFile.path(store, planKey);
        if (!Files.exists(file)) {
            LOG.log(Level.FINE, "{0} has no description (made before descriptions were written)", planKey);
            return;
        }
        PlanFile.Description d;
        try {
            d = PlanFile.read(store, file);
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the description " + file + " cannot be read; the plan is made again if the"
                    + " index is ever rebuilt", ex);
            return;
        }
        PlanFile.write(store, d.withSource(newSource));
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
