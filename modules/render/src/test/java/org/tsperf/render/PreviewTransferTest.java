package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewTransfer;
import org.tsperf.api.timeline.Project;

/**
 * The preview transfer from Lookup with the real planner, renderer, cache and ffmpeg: a chunk rendered into a file
 * and adopted is one the local preview render then skips, with the bytes a local render stores.
 */
class PreviewTransferTest {

    @TempDir
    static Path dir;
    static Path a;
    static Path b;

    @BeforeAll
    static void setUp() throws Exception {
        PreviewFixtures.freshCache();
        a = TestMedia.clip(dir, "a.mp4", "testsrc2=size=320x240:rate=25", 2.4, 0);
        b = TestMedia.clip(dir, "b.mp4", "mandelbrot=size=320x240:rate=25", 2.4, 0);
    }

    @Test
    void anAdoptedChunkIsNotRenderedAgainLocally() throws Exception {
        PreviewTransfer transfer = Lookup.getDefault().lookup(PreviewTransfer.class);
        PreviewRenderService previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        assertNotNull(transfer, "the preview transfer is registered in Lookup");
        Project p = PreviewFixtures.project(a, b, 0.07, 3.3);
        List<PreviewChunk> pending = transfer.pending(p);
        assertEquals(3, pending.size(), "every chunk needs a render: " + pending);
        PreviewChunk first = pending.get(0);
        assertEquals(first, transfer.chunk(p, first.fingerprint()).orElseThrow());
        Path out = dir.resolve("chunk-0.mp4");
        transfer.renderInto(p, first, out);
        assertTrue(Files.size(out) > 0);

        Path garbage = dir.resolve("garbage.mp4");
        Files.write(garbage, new byte[] {1, 2, 3, 4});
        IOException refused = assertThrows(IOException.class, () -> transfer.adopt(first, garbage));
        assertTrue(refused.getMessage().contains(garbage.toString()), refused.getMessage());
        assertEquals(3, transfer.pending(p).size(), "a refused file is not stored");

        transfer.adopt(first, out);
        assertEquals(pending.subList(1, 3), transfer.pending(p), "the adopted chunk is in the cache");
        assertEquals(2, previews.renderAll(p, rp -> { }).get(2, TimeUnit.MINUTES), "only the other chunks render");
        assertEquals(0, transfer.pending(p).size());
        try (PreviewRenderService.RenderedChunk r = previews.rendered(first).orElseThrow()) {
            assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(r.file()), "the cache holds the file");
        }
        Path again = dir.resolve("chunk-0-again.mp4");
        transfer.renderInto(p, first, again);
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "the same settings, the same bytes");
    }
}
