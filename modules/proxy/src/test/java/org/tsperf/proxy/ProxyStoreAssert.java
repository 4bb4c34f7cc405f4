package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a store takes on disk, measured by {@code du} (not from the index). */
final class ProxyStoreAssert {

    private ProxyStoreAssert() {
    }

    /** What {@code du} counts for the store: every file's blocks (the index and its logs included). */
    static long duBytes(Path store) throws IOException, InterruptedException {
        return du(store.toString());
    }

    /** What {@code du} counts for the index files alone. */
    static long indexDuBytes(Path store) throws IOException, InterruptedException {
        long sum = 0;
        try (Stream<Path> files = Files.list(store)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(ProxyIndex.FILE)).toList()) {
                sum += du(f.toString());
            }
        }
        return sum;
    }

    private static long du(String path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("du", "-s", "-B1", path).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "du: " + out);
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
