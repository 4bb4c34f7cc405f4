package org.tsperf.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.util.EventThread;

/**
 * One disk level: values as files written atomically under {@code values/}, a small transactional MapDB index
 * ({@code index.db}) of {@link EntryRecord}s. The index is committed after each change, so a process killed at
 * any moment reopens with every committed entry; a value file that the index does not name is an orphan and is
 * removed on open, an index entry whose file is missing or whose bytes fail the checksum is dropped, never served.
 * The budget holds for the size on disk (what {@code du} reports): value files rounded up to whole blocks, the
 * index files and directories at their full length (MapDB's index file is sparse, so this over-counts it: an empty
 * store counts 2 MiB). Thread-safe: index changes are serialised, file reads run in parallel.
 */
final class DiskStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DiskStore.class.getName());
    private static final String INDEX = "index.db";
    private static final String VALUES = "values";
    private static final String VALUE_SUFFIX = ".v";
    /** Group commit: at most this many puts, or this long, between index commits. */
    static final int GROUP_PUTS = 32;
    static final long GROUP_MILLIS = 100;

    /** What {@link #put} and eviction report to the owner: an entry left the level to stay within budget. */
    interface EvictionListener {
        void evicted(EntryRecord entry, byte[] valueOrNull);

        /**
         * The entries just passed to {@link #evicted} are about to leave this level for good: make what was done with
         * them durable now (the next level commits), so that a crash in between leaves an entry in both levels,
         * never in neither.
         */
        default void settled() {
        }
    }

    private final Path dir;
    private final Path values;
    private final long budgetBytes;
    private final long blockSize;
    private final DB db;
    private final HTreeMap<String, byte[]> index;
    private final Map<String, EntryRecord> entries = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private long valueBytesOnDisk;
    private long corruptDropped;
    private boolean damagedIndexDiscarded;
    /** Puts since the last commit (group commit: a MapDB commit syncs to disk and costs milliseconds). */
    private int uncommitted;
    private long firstUncommittedNanos;
    /** Value files of replaced entries: deleted once the index no longer names them on disk. */
    private final List<EntryRecord> replacedUntilCommit = new ArrayList<>();
    /** The group commit's thread: one per store, ended by {@link #close()} (the module's lifecycle closes stores). */
    private java.util.concurrent.ScheduledExecutorService flushThread;
    /**
     * The group commit asked for by a change not yet committed, or null: a store nobody uses has no timer running
     * (an idle workbench wakes no thread of the cache).
     */
    private java.util.concurrent.ScheduledFuture<?> flusher;
    private EvictionListener evictionListener = (e, v) -> { };
    private Predicate<EntryRecord> spillWorthy = r -> false;

    private DiskStore(Path dir, long budgetBytes, DB db, HTreeMap<String, byte[]> index) throws IOException {
        this.dir = dir;
        this.values = dir.resolve(VALUES);
        this.budgetBytes = budgetBytes;
        this.db = db;
        this.index = index;
        this.blockSize = Math.max(512, Files.getFileStore(dir).getBlockSize());
    }

    /**
     * Opens (or creates) the store in {@code dir}, repairing what a crash left: orphaned and temporary files are
     * removed, index entries without a whole file are dropped.
     *
     * @throws IOException when the directory cannot be used or another process holds the store
     */
    static DiskStore open(Path dir, long budgetBytes) throws IOException {
        if (budgetBytes < 1 << 20) {
            throw new IllegalArgumentException("a disk level needs a budget of at least 1 MiB, not " + budgetBytes);
        }
        Files.createDirectories(dir.resolve(VALUES));
        try {
            return openIndex(dir, budgetBytes);
        } catch (IndexDamaged damaged) {
            // A cache level must never keep the application from working, nor lose what it committed: after a crash
            // that MapDB's write-ahead log could not repair, the index is made again from the value files' headers.
            LOG.log(Level.WARNING, "the cache index " + dir.resolve(INDEX) + " was damaged (probably by a crash);"
                    + " it is rebuilt from the value files", damaged.getCause());
            LevelFiles.discardIndex(dir, INDEX + "*");
            DiskStore store = openIndex(dir, budgetBytes, true);
            store.damagedIndexDiscarded = true;
            return store;
        }
    }

    private static DiskStore openIndex(Path dir, long budgetBytes) throws IOException {
        return openIndex(dir, budgetBytes, false);
    }

    /** @param rebuild the index is new: fill it from the value files' headers first */
    private static DiskStore openIndex(Path dir, long budgetBytes, boolean rebuild) throws IOException {
        EventThread.checkOff("opening the cache index " + dir.resolve(INDEX));
        DB db;
        try {
            db = DBMaker.fileDB(dir.resolve(INDEX).toFile()).transactionEnable().fileChannelEnable().make();
        } catch (org.mapdb.DBException.FileLocked e) {
            throw new IOException("cannot open the cache index " + dir.resolve(INDEX) + " (" + e.getMessage()
                    + "): another tsperf process may be using it; close it or choose another directory", e);
        } catch (RuntimeException e) {
            if (LevelFiles.interrupted(e)) { // not damage: the index is intact and opens next time
                throw new java.io.InterruptedIOException("opening the cache index " + dir.resolve(INDEX) + " was interrupted");
            }
            throw new IndexDamaged(e);
        }
        try {
            HTreeMap<String, byte[]> index = db.hashMap("entries", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            DiskStore store = new DiskStore(dir, budgetBytes, db, index);
            if (rebuild) {
                IndexRebuild.fill(dir.resolve(VALUES), index);
                db.commit();
            }
            store.recover();
            store.enforceBudget(0);
            java.util.concurrent.ScheduledThreadPoolExecutor flush = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                    r -> {
                        Thread t = new Thread(r, "tsperf-cache-index-commit");
                        t.setDaemon(true);
                        return t;
                    });
            flush.setRemoveOnCancelPolicy(true);
            flush.prestartAllCoreThreads(); // started with the store, as its owner expects; it sleeps until a change
            store.flushThread = flush;
            return store;
        } catch (IOException e) {
            db.close();
            throw e;
        } catch (RuntimeException e) {
            try {
                db.close();
            } catch (RuntimeException closing) {
                LOG.log(Level.FINE, "closing a damaged cache index failed", closing);
            }
            throw new IndexDamaged(e);
        }
    }

    /** The index could not be read back: MapDB failed while opening or reading it. */
    private static final class IndexDamaged extends IOException {

        IndexDamaged(RuntimeException cause) {
            super(cause.toString(), cause);
        }
    }

    /** Whether this open found the index damaged and rebuilt it from the value files. */
    synchronized boolean damagedIndexDiscarded() {
        return damagedIndexDiscarded;
    }

    /** Told of every entry evicted for budget; given its value when {@code worthKeeping} says so (for spilling). */
    void setEvictionListener(EvictionListener listener, Predicate<EntryRecord> worthKeeping) {
        this.evictionListener = listener;
        this.spillWorthy = worthKeeping;
    }

    Path directory() {
        return dir;
    }

    long budgetBytes() {
        return budgetBytes;
    }

    synchronized long corruptDropped() {
        return corruptDropped;
    }

    /** Loads the index and reconciles it with the value files. */
    private synchronized void recover() throws IOException {
        Set<String> referenced = new HashSet<>();
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : index.getEntries()) {
            try {
                EntryRecord r = EntryRecord.fromBytes(e.getValue());
                Path file = values.resolve(r.file());
                if (LevelFiles.regularFileSize(file) == r.storedBytes()) {
                    entries.put(e.getKey(), r);
                    referenced.add(r.file());
                    valueBytesOnDisk += onDisk(r.storedBytes());
                } else {
                    broken.add(e.getKey());
                }
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "dropping unreadable index record " + e.getKey() + " in " + dir, ex);
                broken.add(e.getKey());
            }
        }
        broken.forEach(index::remove);
        db.commit();
        int orphans = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(values)) {
            for (Path f : files) {
                if (!referenced.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                    orphans++;
                }
            }
        }
        if (!broken.isEmpty() || orphans > 0) {
            LOG.log(Level.INFO, "{0}: dropped {1} index entries without a whole value file, removed {2} orphaned files",
                    new Object[] {dir, broken.size(), orphans});
        }
    }

    /** The value, or empty if absent or corrupt (then dropped). Counts a use. */
    Optional<byte[]> get(CacheKey key) {
        EntryRecord r;
        synchronized (this) {
            r = entries.get(key.toString());
        }
        if (r == null) {
            return Optional.empty();
        }
        byte[] stored;
        try {
            stored = LevelFiles.read(values.resolve(r.file()));
        } catch (NoSuchFileException e) {
            stored = null;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read cache value " + r.file() + " in " + dir, e);
            stored = null;
        }
        synchronized (this) {
            if (entries.get(key.toString()) != r) {
                return Optional.empty(); // replaced or removed while reading
            }
            if (stored == null || stored.length != r.storedBytes() || Codec.crc(stored) != r.crc()) {
                LOG.log(Level.WARNING, "{0}: dropping corrupt entry {1} (checksum or size mismatch)",
                        new Object[] {dir, key});
                corruptDropped++;
                removeLocked(key.toString());
                commit();
                return Optional.empty();
            }
            EntryRecord touched = r.touched(System.currentTimeMillis());
            entries.put(key.toString(), touched);
            dirty.add(key.toString());
            commitSoon();
        }
        try {
            return Optional.of(ValueFile.value(stored));
        } catch (IOException e) { // the checksum matched what was written: only a bug or another writer gets here
            LOG.log(Level.WARNING, dir + ": cache value file " + r.file() + " of " + key + " has no valid header", e);
            return Optional.empty();
        }
    }

    /** Uses of an entry so far (0 if absent). */
    synchronized long hits(CacheKey key) {
        EntryRecord r = entries.get(key.toString());
        return r == null ? 0 : r.hits();
    }

    synchronized boolean contains(CacheKey key) {
        return entries.containsKey(key.toString());
    }

    /**
     * Stores a value (replacing an older one), evicting least recently used entries first to stay within budget.
     *
     * @param compress whether to try LZ4
     * @param hits     uses the entry already had on a faster level (kept for promotion and spill decisions)
     * @return false when the value alone does not fit the budget
     */
    boolean put(CacheKey key, byte[] value, boolean compress, long hits) throws IOException {
        byte[] packed = compress ? Codec.compressIfSmaller(value) : null;
        long now = System.currentTimeMillis();
        byte[] stored = ValueFile.encode(key, value.length, packed != null, packed == null ? value : packed);
        synchronized (this) {
            if (onDisk(stored.length) + overheadBytes() > budgetBytes) {
                return false;
            }
        }
        String name = Long.toHexString(key.toString().hashCode() & 0xffffffffL) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + VALUE_SUFFIX;
        EntryRecord r = new EntryRecord(key, name, stored.length, value.length, Codec.crc(stored), packed != null,
                now, now, hits);
        synchronized (this) {
            enforceBudget(onDisk(stored.length));
            DiskFull.requireRoom(dir, onDisk(stored.length));
            try {
                AtomicFiles.write(values.resolve(name), stored); // on failure, no file is left
            } catch (IOException e) {
                throw DiskFull.saysFull(e) ? DiskFull.of(dir, DiskFull.usable(dir), onDisk(stored.length), e) : e;
            }
            EntryRecord old = entries.put(key.toString(), r);
            index.put(key.toString(), r.toBytes());
            dirty.remove(key.toString());
            valueBytesOnDisk += onDisk(stored.length);
            if (old != null) {
                replacedUntilCommit.add(old); // the committed index may still name it
            }
            if (uncommitted++ == 0) {
                firstUncommittedNanos = System.nanoTime();
            }
            if (uncommitted >= GROUP_PUTS
                    || System.nanoTime() - firstUncommittedNanos >= GROUP_MILLIS * 1_000_000) {
                commit();
            }
            enforceBudget(0);
            if (uncommitted > 0) {
                commitSoon();
            }
        }
        return true;
    }

    /** Removes an entry; true if there was one. */
    synchronized boolean remove(CacheKey key) {
        boolean removed = removeLocked(key.toString()) != null;
        if (removed) {
            commit();
        }
        return removed;
    }

    /** Removes the entries that match; returns how many. */
    synchronized int removeIf(Predicate<EntryRecord> which) {
        List<String> keys = entries.values().stream().filter(which).map(r -> r.key().toString()).toList();
        keys.forEach(this::removeLocked);
        commit();
        return keys.size();
    }

    synchronized List<EntryRecord> entries() {
        return new ArrayList<>(entries.values());
    }

    synchronized int size() {
        return entries.size();
    }

    /** Bytes on disk now: value files, index files and directories, each rounded up to whole blocks. */
    synchronized long bytesOnDisk() {
        return valueBytesOnDisk + overheadBytes();
    }

    /**
     * Read together, so that they agree: bytes on disk now ({@link #bytesOnDisk()}), bytes of the entries' value
     * files alone, and the number of entries.
     */
    synchronized long[] bytesOnDiskEntryBytesAndCount() {
        return new long[] {valueBytesOnDisk + overheadBytes(), valueBytesOnDisk, entries.size()};
    }

    /** Removes the least recently used entries until {@code incoming} more bytes fit. */
    private void enforceBudget(long incoming) throws IOException {
        long overhead = overheadBytes();
        if (valueBytesOnDisk + overhead + incoming <= budgetBytes) {
            return;
        }
        List<EntryRecord> byAge = new ArrayList<>(entries.values());
        byAge.sort(Comparator.comparingLong(EntryRecord::lastAccessMillis));
        // evict down to 90 % of the budget, so that eviction (and its commit) happens once per several puts
        long target = Math.max(0, budgetBytes - budgetBytes / 10 - incoming);
        Map<EntryRecord, byte[]> evicted = new java.util.LinkedHashMap<>();
        long left = valueBytesOnDisk;
        for (EntryRecord r : byAge) {
            if (left + overhead <= target) {
                break;
            }
            evicted.put(r, spillWorthy.test(r) ? LevelFiles.valueIfIntact(values.resolve(r.file()), r) : null);
            left -= onDisk(r.storedBytes());
        }
        // the next level takes them and commits before they leave this one (a move, not a delete and a copy)
        evicted.forEach(evictionListener::evicted);
        evictionListener.settled();
        for (EntryRecord r : evicted.keySet()) {
            removeLocked(r.key().toString());
        }
        commit();
    }

    private EntryRecord removeLocked(String key) {
        EntryRecord r = entries.remove(key);
        if (r != null) {
            index.remove(key);
            dirty.remove(key);
            valueBytesOnDisk -= onDisk(r.storedBytes());
            try {
                Files.deleteIfExists(values.resolve(r.file()));
            } catch (IOException e) {
                // the index no longer names it: the next open removes it as an orphan
                LOG.log(Level.WARNING, "cannot delete cache value " + r.file() + "; removed at next open", e);
            }
        }
        return r;
    }

    /** Commits index changes, with the last-use times gathered since the previous commit. */
    private void commit() {
        for (String k : dirty) {
            EntryRecord r = entries.get(k);
            if (r != null) {
                index.put(k, r.toBytes());
            }
        }
        dirty.clear();
        db.commit();
        uncommitted = 0;
        for (EntryRecord old : replacedUntilCommit) {
            try {
                Files.deleteIfExists(values.resolve(old.file()));
                valueBytesOnDisk -= onDisk(old.storedBytes());
            } catch (IOException e) {
                valueBytesOnDisk -= onDisk(old.storedBytes()); // an orphan now: removed at the next open
                LOG.log(Level.WARNING, "cannot delete replaced cache value " + old.file() + "; removed at next open", e);
            }
        }
        replacedUntilCommit.clear();
    }

    /** Commits puts not yet committed: after it returns they survive a crash. */
    synchronized void sync() {
        if (!db.isClosed() && (uncommitted > 0 || !dirty.isEmpty() || !replacedUntilCommit.isEmpty())) {
            commit();
        }
    }

    /** Commits what is not yet committed {@link #GROUP_MILLIS} from now, unless a commit is already due. */
    private synchronized void commitSoon() {
        if (flusher == null && flushThread != null && !flushThread.isShutdown()) {
            flusher = flushThread.schedule(this::syncQuietly, GROUP_MILLIS,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void syncQuietly() {
        try {
            synchronized (this) {
                flusher = null;
                sync();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot commit the cache index in " + dir, e);
        }
    }

    /** Index files and directories on disk (everything but the value files). */
    private long overheadBytes() {
        return LevelFiles.overheadBytes(dir, blockSize);
    }

    private long onDisk(long bytes) {
        return (bytes + blockSize - 1) / blockSize * blockSize;
    }

    @Override
    public synchronized void close() {
        if (flusher != null) {
            flusher.cancel(false);
            flusher = null;
        }
        if (flushThread != null) {
            flushThread.shutdown();
        }
        if (!db.isClosed()) {
            commit();
            db.close();
        }
    }
}
