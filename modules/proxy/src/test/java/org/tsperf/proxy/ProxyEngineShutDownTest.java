package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module going (disabled, uninstalled): its store index closes and no late caller opens it again. */
class ProxyEngineShutDownTest {

    @TempDir
    Path store;

    @Test
    void afterShutDownTheIndexIsFreeAndStaysClosed() throws Exception {
        ProxyEngine engine = new ProxyEngine();
        engine.index(store);
        assertEquals(1, engine.openIndexes());

        engine.shutDown();

        assertEquals(0, engine.openIndexes());
        IOException late = assertThrows(IOException.class, () -> engine.index(store),
                "a window still sampling until it closes opens nothing");
        assertEquals(ProxyEngine.SWITCHED_OFF, late.getMessage());
        assertEquals(0, engine.openIndexes());
        try (FileChannel ch = FileChannel.open(store.resolve("index.db"), StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            assertNotNull(lock, "the index file's lock is free for the module installed next");
            lock.release();
        }
    }
}
