package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the proxy files of a store take on disk, measured on the files (not from the index). */
final class ProxyStoreAssert {

    private ProxyStoreAssert() {
    }

    static long proxyBytes(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("index"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void sizeOnDiskAbove(Path store, long bytes) throws IOException {
        long size = proxyBytes(store);
        assertTrue(size > bytes, "the store holds " + size + " bytes, expected more than " + bytes);
    }
}
