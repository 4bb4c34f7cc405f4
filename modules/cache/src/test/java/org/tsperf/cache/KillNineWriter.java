package org.tsperf.cache;

import java.nio.file.Path;

/**
 * A separate process for {@link KillNineTest}: writes entries into a disk store as fast as it can (committed in groups by the
 * store itself) and prints {@code committed N} after every fifth put once {@code sync} has returned, until killed.
 */
public final class KillNineWriter {

    private KillNineWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long budget = Long.parseLong(args[1]);
        DiskStore store = DiskStore.open(dir, budget);
        for (int i = 0; ; i++) {
            store.put(DiskStoreTest.key(i), KillNineTest.expected(i), i % 2 == 0, 0);
            if (i % 5 == 4) {
                store.sync(); // puts are committed in groups; after sync they must survive
                System.out.println("committed " + i);
                System.out.flush();
            }
        }
    }
}
