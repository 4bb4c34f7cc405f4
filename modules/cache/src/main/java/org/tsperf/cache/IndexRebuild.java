package org.tsperf.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mapdb.HTreeMap;

/**
 * Makes a disk level's index again from its value files' headers ({@link ValueFile}) after a crash damaged it: every
 * whole value file becomes an entry again (hits start at 0, last use at its creation); of two files of one key the
 * newer wins. Reads every file once, so it costs a pass over the level; it runs only after such a crash.
 */
final class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class.getName());

    private IndexRebuild() {
    }

    /** Puts a record for each whole value file in {@code values} into the new, empty {@code index}. */
    static int fill(Path values, HTreeMap<String, byte[]> index) throws IOException {
        long started = System.nanoTime();
        Map<String, EntryRecord> newest = new HashMap<>();
        Map<String, Long> written = new HashMap<>();
        int unreadable = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(values)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(AtomicFiles.TEMP_SUFFIX) || LevelFiles.regularFileSize(f) < 0) {
                    continue; // a write the crash cut short: recovery removes it as an orphan
                }
                try {
                    byte[] file = LevelFiles.read(f);
                    ValueFile.Header h = ValueFile.header(file);
                    EntryRecord r = new EntryRecord(h.key(), name, file.length, h.rawBytes(), Codec.crc(file),
                            h.compressed(), h.createdMillis(), h.createdMillis(), 0);
                    Long before = written.get(h.key().toString());
                    if (before == null || h.writtenMicros() > before) {
                        newest.put(h.key().toString(), r);
                        written.put(h.key().toString(), h.writtenMicros());
                    }
                } catch (IOException e) {
                    unreadable++; // not referenced: recovery removes it
                    LOG.log(Level.FINE, "cache value file " + f + " cannot be read back", e);
                }
            }
        }
        newest.forEach((key, r) -> index.put(key, r.toBytes()));
        LOG.log(Level.INFO, "{0}: rebuilt the index from {1} value files in {2} ms ({3} unreadable, removed)",
                new Object[] {values.getParent(), newest.size(), (System.nanoTime() - started) / 1_000_000,
                    unreadable});
        return newest.size();
    }
}
