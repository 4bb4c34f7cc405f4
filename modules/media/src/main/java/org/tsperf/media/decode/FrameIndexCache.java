package org.tsperf.media.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Built frame indexes of recently opened files, so that reopening one (a thumbnail after playback, a seek in a new
 * source) skips the packet scan. Keyed by path, size and modification time: a file rewritten in place is scanned
 * again. Small (an index is 8 bytes a frame) and in-process only.
 */
final class FrameIndexCache {

    private static final int ENTRIES = 64;

    record Key(Path path, long size, long modified) {
        static Key of(Path path) throws IOException {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Key(path, a.size(), a.lastModifiedTime().toMillis());
        }
    }

    private final Map<Key, FrameIndex> entries = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, FrameIndex> eldest) {
            return size() > ENTRIES;
        }
    };

    synchronized Optional<FrameIndex> get(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(Key key, FrameIndex index) {
        entries.put(key, index);
    }

    synchronized void clear() {
        entries.clear();
    }
}
