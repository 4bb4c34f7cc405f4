package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.testsupport.SmallDisk;

/** The proxy index on a real, small file system that is full when it commits. */
class ProxyIndexFullDiskTest {

    @TempDir
    Path temp;

    @Test
    void aCommitOnAFullDiskFailsClearlyKeepsWhatWasCommittedAndWorksOnceSpaceIsFreed() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("store"), 4L << 20)) {
            Path proxy = Files.writeString(disk.dir().resolve("k-half.mp4"), "x");
            ProxyIndex index = ProxyEngine.get().index(disk.dir());
            index.put(ProxyIndexTest.plan("plan1", "/media/a.mov", List.of(new ProxyFile("half", proxy, 1, 960,
                    540, "h264")), List.of("Half")));
            disk.fill(0);
            String big = "r".repeat(200_000); // more than the blocks the index has spare
            StoreSpace.StoreFullException ex = assertThrows(StoreSpace.StoreFullException.class, () -> {
                for (int i = 0; i < 50; i++) {
                    index.failed("/media/b" + i + ".mov", big);
                }
            });
            String msg = ex.getMessage();
            assertTrue(msg.contains(disk.dir().resolve(ProxyIndex.FILE).toString()) && msg.contains("full")
                    && msg.contains("Free space"), msg);
            assertTrue(index.finished("plan1").isPresent(), "what was committed is still there");

            disk.free();
            index.want("/media/c.mov", "plan2", 1);
            assertEquals(java.util.Set.of("/media/a.mov", "/media/c.mov"), index.sources().keySet(),
                    "works again without a restart");
            ProxyEngine.get().close();
            ProxyIndex again = ProxyEngine.get().index(disk.dir());
            assertEquals("/media/a.mov", again.finished("plan1").orElseThrow().source(), "survives a reopen");
            assertTrue(again.sources().containsKey("/media/c.mov"));
            ProxyEngine.get().close();
        }
    }
}
